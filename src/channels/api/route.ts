// POST /v1/check: JSON in ({ text, lang? }), Verdict out. For operators' own apps and for trying anshin by hand.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Consultant } from '../../consult/api.ts';

/** Longest text accepted; extraction reads the first 20,000 characters, so more is only cost. */
export const API_MAX_TEXT_CHARS = 100_000;

const CheckBody = z.object({
  text: z
    .string({ error: '"text" must be a string' })
    .max(API_MAX_TEXT_CHARS, `"text" must be at most ${API_MAX_TEXT_CHARS} characters`),
  lang: z.enum(['ja', 'en'], { error: '"lang" must be "ja" or "en"' }).optional(),
});

export async function apiRoutes(app: FastifyInstance, opts: { consultant: Consultant }): Promise<void> {
  app.post('/v1/check', async (req, reply) => {
    if (req.body === undefined || req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      return reply
        .code(400)
        .send({ error: 'Send a JSON object such as {"text": "…"} with Content-Type: application/json.' });
    }
    const parsed = CheckBody.safeParse(req.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: parsed.error.issues.map((i) => i.message).join('; ') });
    }
    const { text, lang } = parsed.data;
    return opts.consultant.consult({ text, channel: 'api', ...(lang ? { lang } : {}) });
  });
}
