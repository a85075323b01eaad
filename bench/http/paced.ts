/**
 * The open-loop HTTP load of the latency scenario in its own process, like
 * the direct producer it is compared with (bench/lib/paced-http.ts).
 */
import { failed, readArgs, report } from '../direct/report.ts'
import { runPacedHttp, type PacedHttpOptions } from '../lib/paced-http.ts'

try {
  report(await runPacedHttp(readArgs<PacedHttpOptions>()))
  process.exit(0)
} catch (error) {
  failed(error)
}
