import { describe, expect, it } from 'vitest';
import { cleanOcrText } from '../../src/image/clean.ts';

describe('cleanOcrText', () => {
  it('removes the spaces tesseract puts between Japanese characters and joins wrapped sentences', () => {
    expect(cleanOcrText('【 佐 川 急 便 】 お 荷物 の お 届け に あがり ま\nし た が 不在 の 為')).toBe(
      '【佐川急便】お荷物のお届けにあがりましたが不在の為',
    );
  });

  it('keeps a line break after a finished Japanese sentence', () => {
    expect(cleanOcrText('持 ち 帰 り ま し た 。\nご 確認 くだ さい')).toBe('持ち帰りました。\nご確認ください');
  });

  it('repairs misread schemes', () => {
    expect(cleanOcrText('詳細は http //example.com')).toBe('詳細は http://example.com');
    expect(cleanOcrText('ご確認 https: / /amazon-co-jp.xyz/login')).toBe('ご確認 https://amazon-co-jp.xyz/login');
    expect(cleanOcrText('go to https;//evil.top now')).toBe('go to https://evil.top now');
  });

  it('turns full-width and spaced dots inside hosts into dots', () => {
    expect(cleanOcrText('sagawa-xx．top/a')).toBe('sagawa-xx.top/a');
    expect(cleanOcrText('sagawa-xx。top')).toBe('sagawa-xx.top');
    expect(cleanOcrText('visit example . com today')).toBe('visit example.com today');
  });

  it('joins a link the phone wrapped onto the next line', () => {
    expect(cleanOcrText('りご確認ください https://sagawa-xx\n.top/track?id=8a7f2c91d3')).toBe(
      'りご確認ください https://sagawa-xx.top/track?id=8a7f2c91d3',
    );
    expect(cleanOcrText('https://amazon-verify-login.top/\naccount?id=1 now')).toBe(
      'https://amazon-verify-login.top/account?id=1 now',
    );
  });

  it('does not join a link with an ordinary next line', () => {
    expect(cleanOcrText('Track it at https://www.royalmail.com\nThank you')).toBe(
      'Track it at https://www.royalmail.com\nThank you',
    );
  });

  it("drops the status bar's clock and empty lines", () => {
    expect(cleanOcrText('9:41\n\n\nHello there\n87%')).toBe('Hello there');
  });
});
