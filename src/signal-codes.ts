// Every code a signal can carry, by the family of evidence that produces it, as one string-literal union
// (SignalCode). A code written by its literal is checked by the compiler: the rules' codes, the sets of codes the
// evidence compares against, and the books of words (words/ja/signals.ts, words/en/signals.ts), which must hold
// a sentence for each. No imports: the domain types, the evidence and the words all build on this module.

/** Codes of the wording rules (evidence/text-rules/), in the order the rules run and their signals are listed. */
export const TEXT_RULE_CODES = [
  'urgency',
  'legal_threat',
  'account_suspension',
  'identity_check',
  'credential_request',
  'credential_entry',
  'unpaid_fee',
  'atm_refund',
  'refund_offer',
  'gift_card_payment',
  'crypto_payment',
  'remote_access',
  'virus_warning',
  'authority_claim',
  'guaranteed_returns',
  'sns_investment',
  'romance',
  'prize',
  'delivery_failure',
  'cash_card_handover',
  'family_emergency',
  'loan_fee',
  'side_job',
  'call_premium',
  'unrecognised_charge',
  'callback_request',
  'advance_fee',
  'court_notice',
  'automated_call',
  'dark_job',
  'one_click_billing',
  'withdrawal_fee',
  'points_purchase',
  'personal_account',
  'account_recovery_help',
  'qr_lure',
  'deposit_request',
  'money_to_account',
  'favor_request',
  'payment_problem',
  'security_alert',
  'points_lure',
  'contact_elsewhere',
  'stranger_opener',
  'investment_invite',
  'mixed_script',
  'spaced_text',
  'violation_claim',
  'sextortion',
  'document_lure',
  'gambling',
  'reward_lure',
  'windfall_claim',
  'action_required',
  'loan_offer',
  'celebrity_giveaway',
  'crypto_claim',
  'wallet_problem',
  'fake_invoice',
  'unsolicited_proposal',
  'personal_info_request',
  'important_header',
  'wrong_number_opener',
  'adult_content',
  'short_code_reply',
  'premium_charges',
  'free_offer',
  'claim_code',
  'unsolicited_service',
] as const;

/**
 * Text rules that describe a problem with your account, card, payment, parcel or points: the books name each one
 * in the sentence of a brand that uses it to make you act (brand_problem_action).
 */
export const PROBLEM_CODES = [
  'account_suspension',
  'identity_check',
  'unpaid_fee',
  'delivery_failure',
  'unrecognised_charge',
  'payment_problem',
  'security_alert',
  'points_lure',
  'violation_claim',
  'document_lure',
  'action_required',
  'wallet_problem',
] as const satisfies readonly TextRuleCode[];

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Codes the text engine (evidence/text-signals.ts) adds from the text as a whole, besides its rules. */
export const TEXT_SHAPE_CODES = [
  'bulk_marketing',
  'call_to_action',
  'prompt_injection',
  'invisible_chars',
  'otp_notice',
  'report_style',
  'ignore_if_not_you',
  'transaction_report',
] as const;

/** What a link says on its own (evidence/url-signals.ts, url-brand-signals.ts). */
export const URL_SIGNAL_CODES = [
  'ip_host',
  'shortener',
  'user_content_link',
  'free_hosting',
  'brand_name_in_jp_domain',
  'brand_in_subdomain',
  'lookalike_domain',
  'homoglyph_domain',
  'typosquat_domain',
  'brand_in_path',
  'idn_host',
  'risky_tld',
  'random_domain',
  'lure_host',
  'lure_path',
  'phishy_link',
  'unlisted_site',
  'odd_port',
] as const;

/** A claimed brand against the links, addresses and numbers given (evidence/brand-evidence.ts). */
export const BRAND_SIGNAL_CODES = [
  'brand_unconfirmed_link',
  'brand_impersonation',
  'brand_email_mismatch',
  'brand_unlisted_phone',
  'brand_shortener',
] as const;

/** Numbers on their own (evidence/phone-signals.ts). */
export const PHONE_SIGNAL_CODES = ['international_phone', 'premium_phone'] as const;

/** The message as a whole, its wording against its links (evidence/message-signals.ts). */
export const MESSAGE_SIGNAL_CODES = [
  'warning_context',
  'link_with_lure',
  'call_to_action',
  'official_links',
  'redirect_link',
  'brand_problem_action',
  'brand_urgent_action',
  'problem_action',
] as const;

/** A threat-intel listing (evidence/gather.ts) and a link read from a QR code (image/summary.ts). */
export const OTHER_SIGNAL_CODES = ['intel_hit', 'qr_link'] as const;

export type TextRuleCode = (typeof TEXT_RULE_CODES)[number];

export type SignalCode =
  | TextRuleCode
  | (typeof TEXT_SHAPE_CODES)[number]
  | (typeof URL_SIGNAL_CODES)[number]
  | (typeof BRAND_SIGNAL_CODES)[number]
  | (typeof PHONE_SIGNAL_CODES)[number]
  | (typeof MESSAGE_SIGNAL_CODES)[number]
  | (typeof OTHER_SIGNAL_CODES)[number];

/** Every signal code once (call_to_action comes from two families). */
export const SIGNAL_CODES: readonly SignalCode[] = [
  ...new Set<SignalCode>([
    ...TEXT_RULE_CODES,
    ...TEXT_SHAPE_CODES,
    ...URL_SIGNAL_CODES,
    ...BRAND_SIGNAL_CODES,
    ...PHONE_SIGNAL_CODES,
    ...MESSAGE_SIGNAL_CODES,
    ...OTHER_SIGNAL_CODES,
  ]),
];
