// What the evidence step needs from the brand registry, kept narrow so signals can be tested on small registries.
import type { Bilingual, Contact } from '../domain.ts';

export interface BrandInfo {
  id: string;
  name: Bilingual;
  category: string;
  /** Official registrable domains or exact hosts, most representative first. */
  domains: string[];
  contact?: Contact;
}

export interface BrandLookup {
  /** The brand whose official domain this host is (or is under). */
  byHost(host: string): BrandInfo | undefined;
  /** The brand on whose platform anyone can publish at this host (sites.google.com, line.me, qr.paypay.ne.jp). */
  userContentOf(host: string): BrandInfo | undefined;
  /** The brand that sends mail from this domain (customer mail domains such as docomo.ne.jp are not the brand). */
  byMailDomain(domain: string): BrandInfo | undefined;
  /** The brand whose official number this is (E.164 or digits). */
  byPhone(e164: string): BrandInfo | undefined;
  /** Brands the text names, in order of appearance. */
  mentions(text: string): { brand: BrandInfo; alias: string; index: number }[];
  /** A brand whose distinctive name appears inside a host that is not the brand's. */
  brandNameIn(host: string): BrandInfo | undefined;
  /** The brand whose own confirmed short-link host this is (r10.to, amzn.to), if the registry lists one. */
  shortenerOf?(host: string): BrandInfo | undefined;
  /** An official domain within a small edit distance (typosquat) of this registrable-domain label. */
  nearOfficial(label: string, skeleton: string): { brand: BrandInfo; domain: string } | undefined;
}
