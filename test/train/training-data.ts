// A tiny development-data folder in the layout of ../shared/data, invented here for the trainer's test: it checks
// that training runs and is deterministic, never how well the judge works. Domains are made up (`example`, random
// `.top` names); the rows are written at test time from a seeded generator, so nothing is copied from real data.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeTrainingData(root: string): void {
  let s = 12345;
  const rnd = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const word = (n: number): string =>
    Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]).join('');
  mkdirSync(path.join(root, 'url-lists'), { recursive: true });
  mkdirSync(path.join(root, 'messages'), { recursive: true });
  const phish = ['first_seen_utc\turl'];
  const months = ['2025-01', '2025-03', '2025-06', '2025-08', '2025-11'];
  for (let i = 0; i < 400; i++) {
    const tld = pick(['top', 'xyz', 'icu', 'cn', 'shop', 'vip']);
    const host = `${pick(['', 'www.', 'login.', 'secure-'])}${word(4 + Math.floor(rnd() * 8))}${pick(['', '-jp', '-login', '-account'])}.${tld}`;
    phish.push(
      `${pick(months)}-1${Math.floor(rnd() * 9)}T00:00:00Z\thttp://${host}/${pick(['', 'login', 'verify/index.php', 'jp/'])}`,
    );
  }
  writeFileSync(path.join(root, 'url-lists/phish-phishingdatabase-new.tsv'), `${phish.join('\n')}\n`);
  const popular = ['wikipedia.org', 'example.com', 'example.org', 'example.net'];
  for (let i = 0; i < 400; i++)
    popular.push(
      `${word(3 + Math.floor(rnd() * 7))}${pick(['', 'news', 'shop'])}.${pick(['com', 'org', 'net', 'jp', 'co.jp', 'de'])}`,
    );
  writeFileSync(path.join(root, 'url-lists/tranco-top.csv'), `${popular.map((d, i) => `${i + 1},${d}`).join('\n')}\n`);
  writeFileSync(
    path.join(root, 'url-lists/umbrella-top100k.csv'),
    `${popular
      .slice(0, 200)
      .map((d, i) => `${i + 1},www.${d}`)
      .join('\n')}\n`,
  );
  writeFileSync(
    path.join(root, 'url-lists/shorteners.tsv'),
    'domain\tsources\nshort.example\tsublime\nother-short.example\tpeterdavehello\n',
  );
  writeFileSync(
    path.join(root, 'url-lists/free-hosting.tsv'),
    'domain\tcategories\tsources\nfreehost.example\tfree_hosting\tmisp\n',
  );

  const sources = (lang: string): string[] =>
    Array.from({ length: 8 }, (_, i) => `https://${lang}-source-${i}.example/`);
  const jaScam = [
    (d: string) =>
      `【宅配便】お荷物のお届けにあがりましたが不在のため持ち帰りました。こちらからご確認ください http://${d}/`,
    (d: string) => `【銀行】お客様の口座が凍結されました。本日中に手続きを完了してください http://${d}/login`,
    () => `未払いの料金があります。本日中に 03-0000-${String(Math.floor(rnd() * 9000) + 1000)} までお電話ください。`,
    () => `警察です。あなたの口座が犯罪に使われています。指定の口座にお金を移してください。`,
    (d: string) =>
      `【カード】不正利用の可能性があるため、カードのご利用を制限しました。ご本人確認をお願いします https://${d}`,
    () => `久しぶり！LINE変えたので追加してね。投資で毎月50万円稼げる方法を教えます。`,
  ];
  const jaLegit = [
    () => `認証コードは ${Math.floor(rnd() * 900000) + 100000} です。このコードを他人に教えないでください。`,
    () => `明日の会議は10時からです。資料は共有フォルダにあります。`,
    () => `ご注文ありがとうございます。商品は${Math.floor(rnd() * 5) + 1}日以内に発送いたします。`,
    () => `今月のポイントが付与されました。詳しくは https://example.com/points をご覧ください。`,
    () => `お母さん、今日は夕飯いらないです。少し遅くなります。`,
  ];
  const enScam = [
    (d: string) => `Your parcel could not be delivered. Confirm your address here: http://${d}/`,
    (d: string) => `URGENT: your bank account is locked. Verify now at https://${d}/verify`,
    () =>
      `Congratulations! You have won a $1000 gift card. Call 0800 000 ${Math.floor(rnd() * 900) + 100} now to claim.`,
    () => `Hi mum, I lost my phone, this is my new number. Can you send me money today?`,
  ];
  const enLegit = [
    () => `Your verification code is ${Math.floor(rnd() * 900000) + 100000}. Do not share it with anyone.`,
    () => `See you at the station at 6. I'll bring the tickets.`,
    () => `Your order has shipped and will arrive on Tuesday. Track it at https://example.com/orders`,
    () => `Reminder: your dentist appointment is tomorrow at 9:30.`,
  ];
  function rows(templates: ((d: string) => string)[], label: string, lang: string, n: number): string[] {
    const src = sources(`${lang}-${label}`);
    return Array.from({ length: n }, (_, i) => {
      const d = `${word(5 + Math.floor(rnd() * 6))}${pick(['-jp', '-login', ''])}.${pick(['top', 'xyz', 'icu', 'shop'])}`;
      return JSON.stringify({
        text: pick(templates)(d),
        label,
        lang,
        channel: 'sms',
        source: src[i % src.length],
        licence: 'CC0-1.0 (invented for a test)',
      });
    });
  }
  writeFileSync(path.join(root, 'messages/ja-scam.jsonl'), `${rows(jaScam, 'scam', 'ja', 80).join('\n')}\n`);
  writeFileSync(path.join(root, 'messages/ja-legit.jsonl'), `${rows(jaLegit, 'legit', 'ja', 80).join('\n')}\n`);
  writeFileSync(
    path.join(root, 'messages/en.jsonl'),
    `${[...rows(enScam, 'scam', 'en', 60), ...rows(enLegit, 'legit', 'en', 60)].join('\n')}\n`,
  );
}
