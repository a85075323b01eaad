# Developer entry points. Every target installs npm dependencies first and runs
# the Node 24 pinned in devDependencies (npm scripts find it on PATH through
# node_modules/.bin). The local Kafka broker is described in docs/local-kafka.md.
# GATEWAY_* and KAFKA_* environment variables reach every command unchanged.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

NODE := ./node_modules/.bin/node
KAFKA := $(NODE) scripts/kafka/cli.ts
# npm writes this file on every install; it is the stamp that tells make
# whether node_modules is older than the lock file.
DEPS := node_modules/.package-lock.json
LOCK := $(if $(wildcard package-lock.json),package-lock.json,package.json)

.PHONY: help install build run test bench lint typecheck clean console-build

help:
	@echo 'make install    npm dependencies + Apache Kafka jars (.cache/kafka)'
	@echo 'make build      compile src/ and bin/ to dist/ when they changed (what make run and the bench run)'
	@echo 'make run        the gateway; starts a local Kafka unless KAFKA_BOOTSTRAP_SERVERS is set'
	@echo 'make test       lint, typecheck, unit, end-to-end and browser tests against a local Kafka'
	@echo 'make bench      benchmarks against a local Kafka'
	@echo 'make lint | typecheck | clean'

$(DEPS): $(LOCK)
	@if [ -f package-lock.json ]; then npm ci; else npm install; fi
	@touch $@

install: $(DEPS)
	$(KAFKA) install

# dist/ (npm run build), rebuilt only when missing or older than src/, bin/
# or a tsconfig. npm start and the bench check the same on their own.
build: $(DEPS)
	$(NODE) scripts/build.ts

# The web console is optional until console/package.json exists.
console-build: $(DEPS)
	@if [ -f console/package.json ]; then npm --prefix console ci && npm --prefix console run build; fi

# A broker counts as configured when KAFKA_BOOTSTRAP_SERVERS is set or the JSON
# file in GATEWAY_CONFIG_FILE names kafka.bootstrapServers; otherwise a local
# one is started for the session. Ctrl-C stops the gateway, then the broker.
# npm start runs dist/src/main.js with the V8 flags of package.json config.nodeFlags.
run: $(DEPS) console-build build
	@if [ -n "$${KAFKA_BOOTSTRAP_SERVERS:-}" ] || { [ -n "$${GATEWAY_CONFIG_FILE:-}" ] && $(NODE) -e \
	  'try { const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.exit(String(c?.kafka?.bootstrapServers ?? "") === "" ? 1 : 0) } catch { process.exit(1) }' \
	  "$$GATEWAY_CONFIG_FILE"; }; then \
	  npm start; \
	else \
	  $(KAFKA) exec --authorizer -- npm start; \
	fi

# Always a fresh local cluster (with the ACL authorizer), so results do not
# depend on whatever KAFKA_BOOTSTRAP_SERVERS the shell happens to have.
test: install console-build build
	npm --prefix console test
	scripts/browser-deps.sh
	$(KAFKA) exec --authorizer -- bash -c 'npm test && npm run bench:smoke'

# The bench starts (and, for the outage scenario, stops) its own broker.
bench: install build
	npm run bench

lint: $(DEPS)
	npm run lint

typecheck: $(DEPS)
	npm run typecheck

clean:
	rm -rf .cache .kafka dist
