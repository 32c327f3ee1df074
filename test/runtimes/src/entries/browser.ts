/**
 * Entry of the Chromium leg: the page's module script. The driver calls
 * `runSmoke(baseURL)` in the page and receives the report as structured data.
 */
import { runSmoke } from '../smoke.js';

(globalThis as { runSmoke?: typeof runSmoke }).runSmoke = runSmoke;
