#!/usr/bin/env bash
# curl with NAVER Cloud API Gateway signature v2 (docs/naver.md, contracts.md §2):
#   x-ncp-apigw-signature-v2 = base64(HMAC-SHA256(secret key, "METHOD URI\ntimestamp\naccess key"))
# where URI is the path plus ?query as sent. Needs bash, openssl and curl.
#
#   export NCP_ACCESS_KEY=<gateway API key id> NCP_SECRET_KEY=<its secret>
#   examples/naver/ncp-curl.sh POST http://localhost:8080/api/produce \
#     --data '{"topic":"orders","key":"test-key","value":"this is a test (body)"}'
#
# Any further arguments go to curl. NCP_TIMESTAMP fixes the timestamp (epoch
# milliseconds); NCP_PRINT_SIGNATURE=1 prints the signature instead of calling curl.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 METHOD URL [curl options...]" >&2
  exit 2
fi
method=$1
url=$2
shift 2
: "${NCP_ACCESS_KEY:?set NCP_ACCESS_KEY to the API key id}"
: "${NCP_SECRET_KEY:?set NCP_SECRET_KEY to the API key secret}"

# The request target as curl sends it: everything after scheme://host[:port].
rest=${url#*://}
case $rest in
  */*) uri="/${rest#*/}" ;;
  *) uri="/" ;;
esac
timestamp=${NCP_TIMESTAMP:-$(($(date +%s) * 1000))}
signature=$(printf '%s %s\n%s\n%s' "$method" "$uri" "$timestamp" "$NCP_ACCESS_KEY" \
  | openssl dgst -sha256 -hmac "$NCP_SECRET_KEY" -binary | base64)

if [ "${NCP_PRINT_SIGNATURE:-}" = 1 ]; then
  echo "$signature"
  exit 0
fi
exec curl -sS -X "$method" "$url" \
  -H "x-ncp-apigw-timestamp: $timestamp" \
  -H "x-ncp-iam-access-key: $NCP_ACCESS_KEY" \
  -H "x-ncp-apigw-signature-v2: $signature" \
  "$@"
