// The consultation port: what channels, the HTTP API and the CLI call. Pure of platform details.
import type { Channel, ImagePart, Lang, Verdict } from '../domain.ts';

// Defined in domain.ts, below both this port and the image reader; re-exported for the port's callers.
export type { ImagePart };

export interface ConsultRequest {
  /** Everything the person sent in this consultation, joined (a burst of messages is one request). */
  text: string;
  images?: ImagePart[];
  /** Answer language; detected from the text when absent. */
  lang?: Lang;
  channel?: Channel;
}

export interface Consultant {
  consult(req: ConsultRequest): Promise<Verdict>;
}
