// What each signal's sentence is told, for the sentences that name a host, a brand or a number. A code not listed
// here has a fixed sentence. The books (ja/signals.ts, en/signals.ts) are typed by SignalWords, so the compiler
// checks that both hold a sentence for every code, each taking exactly what its producer gives.
import type { Bilingual } from '../domain.ts';
import type { ProblemCode, SignalCode } from '../signal-codes.ts';

/** A link's host as shown to the reader (defanged). */
interface Shown {
  shown: string;
}
/** A brand's name, in both languages: each book takes its own. */
interface Brand {
  brand: Bilingual;
}

export interface SignalParams {
  ip_host: Shown;
  shortener: Shown;
  user_content_link: Shown & { platform: Bilingual };
  free_hosting: Shown;
  brand_name_in_jp_domain: Shown & Brand;
  brand_in_subdomain: Shown & Brand & { officialDomain: string };
  lookalike_domain: Shown & Brand & { officialDomain: string };
  homoglyph_domain: Shown & Brand & { domain: string };
  typosquat_domain: Shown & Brand & { domain: string };
  brand_in_path: Shown & Brand;
  idn_host: Shown;
  risky_tld: { lastLabel: string };
  random_domain: Shown;
  lure_host: Shown;
  lure_path: Shown;
  phishy_link: Shown;
  unlisted_site: Shown;
  odd_port: Shown;
  brand_unconfirmed_link: Shown & Brand;
  brand_impersonation: Shown & Brand & { official: string };
  /** The e-mail domain, defanged. */
  brand_email_mismatch: Brand & { domain: string };
  /** The number, masked (evidence/phone-signals.ts maskPhone). */
  brand_unlisted_phone: Brand & { phone: string };
  brand_shortener: Shown & Brand;
  international_phone: { phone: string };
  premium_phone: { phone: string };
  redirect_link: { via: string; to: string };
  /** The text signal that names the problem: each book says what that problem is. */
  brand_problem_action: Brand & { problem: ProblemCode };
  brand_urgent_action: Brand;
  /** The text engine's (any call, reply or link) or the message's (a site that is not official). */
  call_to_action: { to: 'respond' | 'unlisted_site' };
  invisible_chars: { count: number };
  intel_hit: Shown & { source: string; date: string | null };
  qr_link: Shown;
}

/** One language's sentence for every signal: a function of its parameters where it has any. */
export type SignalWords = {
  readonly [K in SignalCode]: K extends keyof SignalParams ? (p: SignalParams[K]) => string : string;
};
