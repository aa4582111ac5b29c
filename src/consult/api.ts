// The consultation port: what channels, the HTTP API and the CLI call. Pure of platform details.
import type { Channel, Lang, Verdict } from '../domain.ts';

export interface ImagePart {
  /** Raw bytes as received (JPEG, PNG, WebP, …). Size-checked by the channel before it gets here. */
  bytes: Buffer;
  contentType?: string;
}

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
