// Checks for the external programs the local broker needs, each failing with
// one actionable line instead of a spawn ENOENT stack trace.
import { spawnSync } from 'node:child_process'

const MIN_JAVA = 17
const OWN_CLUSTER_HINT = 'or set KAFKA_BOOTSTRAP_SERVERS to use your own cluster'

/** Throws unless `java` on PATH is Java 17 or newer (Kafka 4.x refuses older JVMs). */
export function requireJava (): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (result.error !== undefined) {
    throw new Error(
      `Java ${MIN_JAVA}+ is required to run the local Kafka broker (java not found on PATH); install OpenJDK ${MIN_JAVA} ${OWN_CLUSTER_HINT}`,
    )
  }
  // `java -version` prints to stderr: openjdk version "17.0.15" / java version "1.8.0_402".
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr)
  const major = match === null ? NaN : Number(match[1] === '1' ? match[2] : match[1])
  if (!(major >= MIN_JAVA)) {
    const found = match === null ? 'an unrecognised java -version output' : `Java ${String(major)}`
    throw new Error(
      `Java ${MIN_JAVA}+ is required to run the local Kafka broker (found ${found}); install OpenJDK ${MIN_JAVA} ${OWN_CLUSTER_HINT}`,
    )
  }
}

/** Throws unless `mvn` is on PATH; it downloads the Kafka jars from Maven Central. */
export function requireMaven (kafkaVersion: string): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' })
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(
      `Maven is required to download the Kafka ${kafkaVersion} jars (mvn not found on PATH); install Maven 3.6+ ${OWN_CLUSTER_HINT}`,
    )
  }
}
