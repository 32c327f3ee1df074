/** Values the smoke program and the fixture server agree on. */

/** The upload's content: multi-byte characters, so a transport that re-encoded text would show. */
export const uploadText = '{"prompt":"héllo wörld ✓","completion":"ok"}\n';

/** The model the fixture answers with a 404 in the OpenAI error shape. */
export const missingModel = 'gpt-missing-model';

/** The model the fixture streams slowly and never finishes on its own, for the abort case. */
export const endlessModel = 'gpt-endless-stream';

/** The API key the smoke program sends and the fixture requires. */
export const fixtureApiKey = 'sk-runtime-matrix';

/** Prefixes the one line of stdout that carries a leg's JSON report. */
export const reportMarker = 'RUNTIME-MATRIX-REPORT ';
