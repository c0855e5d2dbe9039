import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/core/did-you-mean.js';

describe('didYouMean', () => {
  it('suggests the candidate one typo away', () => {
    expect(didYouMean('requird', ['required', 'localized', 'type'])).toBe('required');
  });
  it('counts a case difference as less than an edit', () => {
    expect(didYouMean('displayname', ['displayName', 'displayNames'])).toBe('displayName');
  });
  it('suggests the one candidate a word of three or more letters begins', () => {
    expect(didYouMean('prod', ['production', 'staging'])).toBe('production');
    expect(didYouMean('st', ['staging', 'production'])).toBeUndefined();
  });
  it('suggests nothing when the word begins two candidates and is far from both', () => {
    expect(didYouMean('pre', ['preview1', 'preview2'])).toBeUndefined();
  });
  it('suggests nothing farther than a third of the word', () => {
    expect(didYouMean('title', ['summary', 'body'])).toBeUndefined();
  });
  it('never suggests the word itself, and breaks ties by code-unit order', () => {
    expect(didYouMean('body', ['body'])).toBeUndefined();
    expect(didYouMean('cat', ['cab', 'bat'])).toBe('bat');
  });
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('tilte', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
