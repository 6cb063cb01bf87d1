import { describe, expect, it } from 'vitest';
import { clampStep, isTextEntry, stepForKey } from '../../../renderer/src/sequence/stepCursor';

describe('the step cursor keys', () => {
  it('move one step with the arrows, ten with Shift, and jump with Home and End', () => {
    expect(stepForKey('ArrowRight', 3, 30)).toBe(4);
    expect(stepForKey('ArrowLeft', 3, 30)).toBe(2);
    expect(stepForKey('ArrowRight', 3, 30, true)).toBe(13);
    expect(stepForKey('ArrowLeft', 3, 30, true)).toBe(0);
    expect(stepForKey('Home', 17, 30)).toBe(0);
    expect(stepForKey('End', 2, 30)).toBe(29);
  });

  it('stop at the ends and ignore other keys', () => {
    expect(stepForKey('ArrowRight', 29, 30)).toBe(29);
    expect(stepForKey('ArrowLeft', 0, 30)).toBe(0);
    expect(stepForKey('a', 3, 30)).toBeNull();
    expect(stepForKey('ArrowUp', 3, 30)).toBeNull();
    expect(stepForKey('End', 0, 0)).toBeNull();
  });

  it('clamps a step into the sequence', () => {
    expect(clampStep(40, 30)).toBe(29);
    expect(clampStep(-1, 30)).toBe(0);
    expect(clampStep(5, 0)).toBe(0);
  });

  it('leaves keys typed into form controls to them', () => {
    const element = (tagName: string): EventTarget => ({ tagName }) as unknown as EventTarget;
    expect(isTextEntry(element('INPUT'))).toBe(true);
    expect(isTextEntry(element('SELECT'))).toBe(true);
    expect(isTextEntry(element('TEXTAREA'))).toBe(true);
    expect(isTextEntry(element('BUTTON'))).toBe(false);
    expect(isTextEntry(element('DIV'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
