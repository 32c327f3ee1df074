/**
 * Entry of the workerd leg, run by `workerd test`: the test handler runs the
 * smoke program against the fixture named by the API_BASE_URL binding and logs
 * the report as one marked JSON line (workerd prints console.log to stdout).
 */
import { reportMarker } from '../constants.js';
import { runSmoke } from '../smoke.js';

export default {
  async test(_controller: unknown, env: { API_BASE_URL: string }): Promise<void> {
    const report = await runSmoke(env.API_BASE_URL);
    console.log(`${reportMarker}${JSON.stringify(report)}`);
  },
};
