// The sentence a person reads for each signal, in English: the same codes as the Japanese book
// (words/ja/signals.ts), each standing on its own.
import type { ProblemCode } from '../../signal-codes.ts';
import type { SignalWords } from '../signal-params.ts';

/** What each kind of problem is, in the sentence that names it (so that the sentence is true of the message). */
const PROBLEMS: Readonly<Record<ProblemCode, string>> = {
  account_suspension: 'a suspended or locked account',
  identity_check: 'a check of your identity or details',
  unpaid_fee: 'an unpaid fee',
  delivery_failure: 'a problem with a delivery',
  unrecognised_charge: 'a charge you may not recognise',
  payment_problem: 'a problem with your payment',
  security_alert: 'a suspicious sign-in or activity',
  points_lure: 'points or a reward',
  violation_claim: 'a claimed breach of the rules',
  document_lure: 'a document or message waiting for you',
  action_required: 'an unfinished update or check',
  wallet_problem: 'a problem with your wallet',
};

export const signals: SignalWords = {
  // The wording of the message (evidence/text-rules/).
  urgency: 'It pushes you to act at once ("urgent", "within 24 hours"). Rushing people is a common scam tactic.',
  legal_threat: 'It threatens legal action or seizure. Genuine claims rarely arrive this way without warning.',
  account_suspension:
    'It says your account or card is suspended or locked. Using that to make you act through a link or a call is typical phishing.',
  identity_check:
    'It asks you to verify or update your details. Banks and card companies do not ask for this through a link in a text.',
  credential_request:
    'It asks for a PIN, password or verification code. No genuine company or office ever asks for these.',
  credential_entry:
    'It asks you to type in a password or card details. Only ever type them into the official app or a site you opened yourself.',
  unpaid_fee: 'It claims you owe an unpaid fee. Do not contact them or pay for charges you do not recognise.',
  atm_refund: 'It says you can get a refund at an ATM. Money is never returned through an ATM: this is a refund scam.',
  refund_offer: 'It offers a refund or benefit. Government offices do not rush you to claim one by text or phone.',
  gift_card_payment:
    'It asks for payment with gift cards or e-money. Asking for gift card numbers as payment is always a scam.',
  crypto_payment: 'It involves crypto-assets. Requests to pay or invest in crypto are common in scams.',
  remote_access: 'It asks you to install a remote-access app. Letting a stranger control your device leads to theft.',
  virus_warning: 'It warns of a virus or hacking. Warnings that ask you to call a number are a tech-support scam.',
  authority_claim:
    'It claims to be the police, a prosecutor or a ministry and talks about money or accounts. They never ask for money or account details by phone or chat.',
  guaranteed_returns: 'It promises sure or guaranteed investment returns. No investment is guaranteed to make money.',
  sns_investment: 'It invites you to a chat group to invest. Investments pushed through social media are often scams.',
  romance:
    'Talk of love or marriage comes with talk of money. Someone you have not met asking for money is a romance scam.',
  prize: 'It says you have won a prize. You cannot win a draw you did not enter, and real prizes never charge a fee.',
  delivery_failure:
    'It says a delivery failed. Delivery firms do not ask you to rebook or pay through a link in a text.',
  cash_card_handover:
    'It says someone will collect your bank card or bankbook. Banks, police and offices never come to collect cards.',
  family_emergency:
    'It claims to be family with a new number or a sudden need for money. Check by calling the number you already know.',
  loan_fee: 'It asks for a fee before lending money. Paying before a loan is an advance-fee loan scam.',
  side_job:
    'It offers easy money from a side job. Such offers often end with you paying fees or buying useless courses.',
  call_premium: 'It asks you to call a premium-rate number or text a short code. These can cost a lot.',
  unrecognised_charge:
    'It says "if this was not you, click here or call". Worry about a charge is used to lure people to fake sites.',
  callback_request: 'It asks you to call the number it gives. Check using a number you look up yourself.',
  advance_fee: 'It offers you a large sum or inheritance. These scams ask for fees or bank details first.',
  court_notice:
    'It announces a lawsuit or payment order and asks you to call. Real court papers arrive by special registered mail, never as a text or postcard with a number to call.',
  automated_call:
    'It is an automated call asking you to press a number. Scammers use this to connect you to a fake operator.',
  dark_job:
    'It offers a high-paying "job" and asks for ID photos first. This is how criminal gangs recruit people to carry out crimes.',
  one_click_billing:
    'A click showed "registration complete" and a fee. This is a one-click billing scam: you do not owe it and should not contact them.',
  withdrawal_fee:
    'You are asked to pay a fee or tax before withdrawing profits. This is a classic investment scam: paying brings nothing back.',
  points_purchase: 'You are asked to buy site points to exchange contacts or meet. This is a dating-site scam.',
  personal_account: 'Payment goes to a personal account or by bank transfer only, typical of fake shops and scams.',
  account_recovery_help:
    'Someone posing as a friend asks you to send a code or a screenshot of a link. This is how accounts are taken over.',
  qr_lure: 'It asks you to scan a QR code to pay or log in. The code may lead to a fake site.',
  deposit_request:
    'You are told to put money into a site or app they chose. Investments pushed by online acquaintances are often scams.',
  money_to_account:
    'It asks you to move money to an account, hand over cash or cards, or buy cards. Whoever they claim to be, do not do it before checking.',
  favor_request:
    'It asks for a favour as if from someone you know. Hijacked or fake accounts often start this way. Check with the person by phone.',
  payment_problem:
    'It says your payment failed or your card details need updating. That is a common reason given to make you type card details into a fake site.',
  security_alert:
    'It warns of a suspicious sign-in or activity. To check, open the official app or site yourself, not the link in the message.',
  points_lure:
    'It says you have points or a reward about to expire. Points are a common bait to lure people to fake sites.',
  contact_elsewhere:
    'It asks you to move to another app (LINE, WhatsApp, Telegram) or swap contacts. Strangers moving you to a private chat is a common step in investment, job and romance scams.',
  stranger_opener:
    'A stranger is trying to become friends. Romance and investment scams often begin this way before turning to money.',
  investment_invite: 'It brings up investing. Investments suggested by strangers through messages are often scams.',
  mixed_script:
    'Latin words contain look-alike letters from other alphabets (such as Cyrillic). This trick is used to slip past filters and brand checks.',
  spaced_text: 'Letters are written with spaces between them, a trick used to slip past spam filters.',
  violation_claim: 'It claims you broke a rule or policy. That claim is used to make people log in through a link.',
  sextortion:
    'It threatens that you were recorded or your device was hacked, and demands payment. This is an extortion scam: do not pay or reply.',
  document_lure: 'It says a document, file or message is waiting for you. Such lures lead to fake log-in pages.',
  gambling: 'It invites you to gamble online. Such offers often end with money you cannot get back.',
  reward_lure:
    'It says a gift or reward is waiting for you. If receiving it needs card details or a fee, it is a scam.',
  windfall_claim:
    'It says money you did not expect (a payout, reward or winnings) is waiting for you. Asking for fees or details to release it is a scam tactic.',
  action_required:
    'It says an update or verification is incomplete or required. To check, open the official app or a site you look up yourself.',
  loan_offer: 'It offers you a loan. Unsolicited loan offers often end with fees taken up front.',
  celebrity_giveaway:
    'It uses a famous person’s name to offer money or investments. Famous people do not hand out money or investment tips by message.',
  crypto_claim:
    'It says you can claim free crypto tokens. Such claims are used to make you connect a wallet that is then emptied.',
  wallet_problem:
    'It says your crypto wallet has a problem that needs action. Such messages lead to pages that take your recovery phrase or drain the wallet.',
  fake_invoice:
    'It reports a renewal or charge you did not order and pushes you to call a number to cancel it. Callers are then talked into remote access or card details.',
  unsolicited_proposal:
    'A stranger proposes a confidential deal or a profitable opportunity. These lead to fees paid up front or your account being used.',
  personal_info_request:
    'It asks for personal details such as your phone number, address or bank details. Do not give them to someone you cannot confirm.',
  important_header: 'It opens with a tag like [IMPORTANT] or [URGENT] to grab attention.',
  wrong_number_opener:
    'It starts as a "wrong number" chat. Romance and investment scams often begin this way before turning to money.',
  adult_content: 'It uses sexual content as bait. Replying can lead to paid services or scams.',
  short_code_reply: 'It asks you to text a short code. Replying can sign you up to a paid service.',
  premium_charges: 'It mentions premium-rate charges or numbers (pence per message or minute). These can cost a lot.',
  free_offer: 'It stresses something "free" to get you to reply or call.',
  claim_code: 'It gives a claim code or deadline to get you to call or reply.',
  unsolicited_service: 'It is an unsolicited bulk message for a service you did not ask for.',
  // The text as a whole (evidence/text-signals.ts).
  bulk_marketing: 'It has the marks of unsolicited bulk messages sent to strangers. Do not reply or call.',
  call_to_action: (p) =>
    p.to === 'unlisted_site'
      ? 'An unknown sender asks you to open a site that is not an official one.'
      : 'An unknown sender asks you to call, reply or open a link.',
  prompt_injection:
    'It contains instructions aimed at an AI ("say this is safe"). Genuine messages never contain such text.',
  invisible_chars: (p) => `It contained ${p.count} invisible character(s), a trick used to slip past spam filters.`,
  otp_notice:
    'It looks like a one-time code sent to you. Type it only into the screen you are using yourself, and never tell it to anyone who asks.',
  report_style:
    'It reads like a description of a scam, written to warn people. That alone does not prove it is genuine.',
  ignore_if_not_you:
    'It says to ignore it if you did not ask for it, as genuine account notices do. That alone does not prove it is genuine.',
  transaction_report:
    'It reports a completed transaction with a masked account or card number, as genuine alerts do. Fake alerts copy this too.',
  // A link on its own (evidence/url-signals.ts, url-brand-signals.ts).
  ip_host: (p) => `The link goes to a bare IP address (${p.shown}). Genuine companies almost never send such links.`,
  shortener: (p) => `It uses a link shortener (${p.shown}) that hides where the link really goes.`,
  user_content_link: (p) =>
    `The link (${p.shown}) is on ${p.platform.en}, but pages there (group invites, payment requests, forms) can be made by anyone. It is not necessarily from ${p.platform.en}.`,
  free_hosting: (p) =>
    `The link (${p.shown}) is on a free hosting service where anyone can make a site. It is not a company's own site.`,
  brand_name_in_jp_domain: (p) =>
    `The link ${p.shown} contains the name ${p.brand.en}, but it is not among the official domains we hold for ${p.brand.en}.`,
  brand_in_subdomain: (p) =>
    `The link ${p.shown} contains the name ${p.brand.en}, but it is not ${p.brand.en}'s official domain ${p.officialDomain}.`,
  lookalike_domain: (p) =>
    `The link ${p.shown} contains the name ${p.brand.en}, but it is not ${p.brand.en}'s official domain ${p.officialDomain}.`,
  homoglyph_domain: (p) =>
    `The link ${p.shown} imitates ${p.brand.en}'s official domain ${p.domain} with look-alike characters.`,
  typosquat_domain: (p) => `The link ${p.shown} is a misspelling of ${p.brand.en}'s official domain ${p.domain}.`,
  brand_in_path: (p) =>
    `The link ${p.shown} puts the name ${p.brand.en} in its path, but it is not ${p.brand.en}'s site.`,
  idn_host: (p) => `The link ${p.shown} uses international characters, which can imitate Latin letters.`,
  risky_tld: (p) =>
    `The link ends in ".${p.lastLabel}", a cheap domain ending often used by scam sites and almost never by Japanese banks or delivery firms.`,
  random_domain: (p) => `The link ${p.shown} has a meaningless, machine-made name, typical of throwaway scam sites.`,
  lure_host: (p) => `The link ${p.shown} uses words like "login" or "verify" or many hyphens to look official.`,
  lure_path: (p) => `The link ${p.shown} appears to lead to a login or details-entry page.`,
  phishy_link: (p) => `The address ${p.shown} is built like many addresses reported as phishing sites.`,
  unlisted_site: (p) =>
    `The link ${p.shown} is not an official site of any company or office we know. Do not enter IDs or card numbers on sites you do not know.`,
  odd_port: (p) => `The link ${p.shown} uses an unusual port number, which ordinary sites do not.`,
  // A claimed brand against the links, addresses and numbers (evidence/brand-evidence.ts).
  brand_unconfirmed_link: (p) =>
    `It claims to be ${p.brand.en}, but the link ${p.shown} is not among the domains we hold for ${p.brand.en}. It is a well-known site, but not necessarily ${p.brand.en}'s.`,
  brand_impersonation: (p) =>
    `It claims to be ${p.brand.en}, but the link ${p.shown} is not ${p.brand.en}'s official domain ${p.official}.`,
  brand_email_mismatch: (p) =>
    `It claims to be ${p.brand.en}, but the e-mail domain ${p.domain} is not ${p.brand.en}'s.`,
  brand_unlisted_phone: (p) =>
    `It claims to be ${p.brand.en}, but the number ${p.phone} is not among the official numbers we hold for ${p.brand.en}.`,
  brand_shortener: (p) =>
    `The link (${p.shown}) is a short link that ${p.brand.en} uses, but you cannot see the page it opens before you tap it. If in doubt, leave the link and check in ${p.brand.en}'s official app or a bookmarked official site instead.`,
  // Numbers (evidence/phone-signals.ts).
  international_phone: (p) =>
    `It gives an overseas number (${p.phone}). Japanese companies and offices almost never contact you from abroad.`,
  premium_phone: (p) => `It gives a premium-rate number (${p.phone}) that costs a lot to call.`,
  // The message as a whole (evidence/message-signals.ts).
  warning_context: 'It reads like a warning about scams. That alone does not prove it is genuine.',
  link_with_lure: 'Worrying wording comes with a link that is not an official site: the usual shape of phishing.',
  official_links: 'The links go to official or well-known sites. That alone does not prove the message is genuine.',
  redirect_link: (p) =>
    `The link passes through ${p.via} to send you on to another site, ${p.to}. That is where it really goes.`,
  brand_problem_action: (p) =>
    `It claims to be ${p.brand.en} and uses ${PROBLEMS[p.problem]} to make you act through this message. To check, do not use its links or numbers: open ${p.brand.en}'s official app, or a site you look up yourself.`,
  brand_urgent_action: (p) =>
    `It claims to be ${p.brand.en} and presses you, as urgent or important, to check something through this message. To check, use ${p.brand.en}'s official app or a site you look up yourself, not its links or numbers.`,
  problem_action:
    'It reports a problem with an account, payment or parcel and asks you to act through this message. To check, use the official app or a contact you look up yourself, not its links or numbers.',
  // Threat intel (evidence/gather.ts) and pictures (image/summary.ts).
  intel_hit: (p) =>
    `${p.shown} has been reported as a scam site or number (source: ${p.source}${p.date ? `, ${p.date}` : ''}).`,
  qr_link: (p) =>
    `The link ${p.shown} was read from a QR code in the picture. A QR code hides where it leads until it is scanned.`,
};
