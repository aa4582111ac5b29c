import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/conversation/commands.ts';
import { classifyFollowUp } from '../../src/conversation/followup.ts';

describe('parseCommand', () => {
  it('knows the data-deletion words on both channels', () => {
    for (const t of ['データ削除', ' データ削除。', 'Delete my data', 'delete my data!']) {
      expect(parseCommand(t, 'line')).toBe('delete_data');
      expect(parseCommand(t, 'twilio')).toBe('delete_data');
    }
  });

  it('maps STOP/START/HELP and 停止/配信停止/再開/ヘルプ on SMS', () => {
    expect(parseCommand('STOP', 'twilio')).toBe('stop');
    expect(parseCommand('停止', 'twilio')).toBe('stop');
    expect(parseCommand('配信停止', 'twilio')).toBe('stop');
    expect(parseCommand('ｓｔａｒｔ', 'twilio')).toBe('start');
    expect(parseCommand('再開', 'twilio')).toBe('start');
    expect(parseCommand('HELP', 'twilio')).toBe('help');
    expect(parseCommand('ヘルプ', 'twilio')).toBe('help');
  });

  it('treats LINE stop words as the end of the weekly tips only', () => {
    expect(parseCommand('配信停止', 'line')).toBe('unsubscribe');
    expect(parseCommand('STOP', 'line')).toBe('unsubscribe');
  });

  it('checks a message that merely contains a command word', () => {
    expect(parseCommand('STOP と返信すると配信停止になります http://sagawa-xx.top/', 'twilio')).toBeNull();
    expect(parseCommand('データ削除のお知らせ。こちらから手続きしてください', 'line')).toBeNull();
  });
});

describe('classifyFollowUp', () => {
  it('recognises follow-ups in Japanese and English', () => {
    expect(classifyFollowUp('もう入力してしまった')).toBe('acted');
    expect(classifyFollowUp('I already clicked it')).toBe('acted');
    expect(classifyFollowUp('what should I do?')).toBe('advice');
    expect(classifyFollowUp('どうすればいいですか')).toBe('advice');
    expect(classifyFollowUp('相談窓口を教えて')).toBe('contacts');
    expect(classifyFollowUp('詳しく')).toBe('detail');
    expect(classifyFollowUp('これ詐欺？')).toBe('again');
  });

  it('treats content with links, numbers or length as a new message', () => {
    expect(classifyFollowUp('お支払いが完了していません http://sagawa-xx.top/')).toBeNull();
    expect(classifyFollowUp('これ詐欺？ 090-1234-5678')).toBeNull();
    expect(classifyFollowUp('こんにちは')).toBeNull();
  });
});
