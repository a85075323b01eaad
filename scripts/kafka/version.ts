// The single place that names the Kafka release the local broker runs.
// Bumping it changes the Maven coordinates (pom.xml reads ${kafka.version})
// and the cache folder, so a new version installs next to the old one.
import { join } from 'node:path'

export const KAFKA_VERSION = '4.2.1'

export const REPO_ROOT = join(import.meta.dirname, '..', '..')
export const POM_FILE = join(import.meta.dirname, 'pom.xml')
export const LOG4J_CONFIG = join(import.meta.dirname, 'log4j2.properties')
export const KAFKA_HOME = join(REPO_ROOT, '.cache', 'kafka', KAFKA_VERSION)
export const KAFKA_LIBS = join(KAFKA_HOME, 'libs')
/** Default parent folder for broker logs and throwaway data (git-ignored). */
export const RUNTIME_ROOT = join(REPO_ROOT, '.kafka')
