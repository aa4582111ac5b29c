// What the evidence step needs from the brand registry, kept narrow so signals can be tested on small registries.
import type { Bilingual, Contact } from '../domain.ts';

export interface BrandInfo {
  id: string;
  name: Bilingual;
  category: string;
  /** Official registrable domains or exact hosts, most representative first. */
  domains: string[];
  contact?: Contact;
  /** The brand's own link shorteners (g.co): its links, but they hide the page they open. */
  shortenerHosts?: string[];
}

export interface BrandLookup {
  /** The brand whose official domain this host is (or is under). */
  byHost(host: string): BrandInfo | undefined;
  /** The brand on whose platform anyone can publish at this host (sites.google.com, line.me, qr.paypay.ne.jp). */
  userContentOf(host: string): BrandInfo | undefined;
  /** The brand that sends mail from this domain (customer mail domains such as docomo.ne.jp are not the brand). */
  byMailDomain(domain: string): BrandInfo | undefined;
  /** The brand whose official number this is (E.164 or digits), contact or SMS sender; never a shared relay number. */
  byPhone(e164: string): BrandInfo | undefined;
  /** The brand whose own link shortener this host is (g.co → Google). */
  shortenerOf(host: string): BrandInfo | undefined;
  /** The brand an SMS sender (number in any form, or sender name) belongs to alone; undefined for shared relays. */
  bySmsSender(sender: string): BrandInfo | undefined;
  /** Every brand known to send from this sender: its owner, or all brands citing a shared relay number. */
  brandsBySmsSender(sender: string): BrandInfo[];
  /** Brands the text names, in order of appearance. */
  mentions(text: string): { brand: BrandInfo; alias: string; index: number }[];
  /** A brand whose distinctive name appears inside a host that is not the brand's. */
  brandNameIn(host: string): BrandInfo | undefined;
  /** An official domain within a small edit distance (typosquat) of this registrable-domain label. */
  nearOfficial(label: string, skeleton: string): { brand: BrandInfo; domain: string } | undefined;
}
