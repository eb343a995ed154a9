import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../../src/claims/library';
import { compileLibrary, eagerSource } from '../../../src/match/compile';
import { hasContextWords } from '../../../src/gate/first-look';
import { hasClaimWords } from '../../../src/gate/scan';
import { contextPatterns, gateDataOf } from '../../../src/gate/words';
import { matchPassages } from '../../../src/match/match';
import { passagesOf } from '../../../src/extract/extract';
import { bundledPatterns } from '../../support/bundled-gate';

const compiled = compileLibrary(bundledLibrary);
const gate = gateDataOf(bundledLibrary);
const matchText = (...paragraphs: string[]) => matchPassages(compiled, passagesOf(paragraphs).passages);
const claimsIn = (...paragraphs: string[]) => matchText(...paragraphs).map((m) => `${m.claimId}:${m.stance}`);

describe('matchPassages', () => {
  it('gives the frame, the claim, the exact quote and its offsets in the article text', () => {
    const paragraphs = ['Opening paragraph about the weather.', 'We are in an AI arms race with China, and it is getting worse.'];
    const { text } = passagesOf(paragraphs);
    const [match] = matchText(...paragraphs);
    if (!match) throw new Error('no match');
    expect(match).toMatchObject({ frameId: 'arms-race', claimId: 'ai-arms-race', stance: 'uses', quote: 'arms race' });
    expect(text.slice(match.start, match.end)).toBe('arms race');
    expect(text.slice(match.sentenceStart, match.sentenceEnd)).toBe(match.sentence);
    expect(match.sentence).toBe('We are in an AI arms race with China, and it is getting worse.');
  });

  it('tells a passage that uses a frame from one that critiques it', () => {
    expect(claimsIn('America must win the AI race against China.')).toContain('win-the-race:uses');
    expect(claimsIn('Headlines have long cast AI development as a zero-sum rivalry between the U.S. and China.')).toEqual(['zero-sum:critiques']);
    expect(claimsIn('The AI competition between the US and China is not an arms race.')).toEqual(['ai-arms-race:critiques']);
    expect(claimsIn('The so-called AI race has become a cliché.')).toEqual(['the-ai-race:critiques']);
  });

  it('takes a short scare-quoted trigger as held at a distance, a quoted advocate as speaking', () => {
    expect(claimsIn('Investors are convinced the U.S. must “beat China.” on AI spending.')).toContain('beat-china:critiques');
    expect(claimsIn('“We will beat China in artificial intelligence this decade,” the senator said.')).toContain('beat-china:uses');
  });

  it('leaves other senses of the words alone', () => {
    for (const sentence of [
      'The nuclear arms race of the 1980s still shapes how AI researchers think about risk.',
      'The human race has never built anything like AI before.',
      'She won the race for the Senate seat after a campaign about AI jobs.',
      'The study of AI hiring tools looks at race and ethnicity.',
      'The car race in Monaco used AI cameras for the first time.',
      'Apple and Samsung compete fiercely in the smartphone market, and both now sell AI features.',
    ]) {
      expect(claimsIn(sentence), sentence).toEqual([]);
    }
  });

  it('takes the topic from the article as a whole, not from a neighbour, and judges each sentence on its own', () => {
    const far = ['Artificial intelligence is changing newsrooms.', 'One.', 'Two.', 'Three.', 'If we lose this race, Beijing will write the rules.'];
    expect(claimsIn(...far)).toContain('win-the-race:uses');
    expect(claimsIn('The council met on Tuesday.', 'If we lose this race, Beijing will write the rules.')).toEqual([]);
    // History beside a sentence about AI is not lent the topic: it is judged as it stands.
    expect(claimsIn('Chatbots are everywhere now.', 'The Soviet Union won the race to put a satellite in orbit.')).toEqual([]);
  });

  it('matches Chinese text', () => {
    expect(claimsIn('中美之间的人工智能军备竞赛正在加速。')).toContain('ai-arms-race:uses');
    expect(claimsIn('把中美人工智能关系看作零和游戏的说法过于简单。')).toEqual(['zero-sum:critiques']);
  });

  it('reports one match per claim and sentence, however many triggers it holds', () => {
    expect(matchText('The AI arms race is an arms race like no other arms race, the Chinese and US officials say.')).toHaveLength(1);
  });
});

describe('hasClaimWords (the page gate)', () => {
  it('is true whenever the matcher would find something: every labelled example that matches passes it', () => {
    for (const frame of bundledLibrary.frames) {
      for (const claim of frame.claims) {
        for (const sentence of [...claim.examples.uses, ...claim.examples.critiques]) {
          expect(hasClaimWords(gate, sentence), sentence).toBe(true);
        }
      }
    }
  });

  it('is false for text without trigger words or without the context every claim needs', () => {
    expect(hasClaimWords(gate, 'A recipe for lemon cake, with notes on baking time.')).toBe(false);
    expect(hasClaimWords(gate, 'The arms race between spammers and filters never ends.')).toBe(false);
    expect(hasClaimWords(gate, 'The arms race in AI never ends.')).toBe(true);
  });

  it('tests words that only tell with the next one as the pair, across any line break of the page source', () => {
    // "deep" and "machine" alone are on pages about diving and sewing; "us" and "said" are not "US" or "AI".
    expect(hasClaimWords(gate, 'We went deep into the cave, and the sewing machine won first prize; said one of us.')).toBe(false);
    expect(hasClaimWords(gate, 'Deep\n          learning firms say America must win the race.')).toBe(true);
    expect(hasClaimWords(gate, 'The US must win the AI race.')).toBe(true);
    expect(hasClaimWords(gate, 'Officials say we can’t lose the A.I. race to China.')).toBe(true);
  });

  it('finds Chinese trigger characters with no spaces around them', () => {
    expect(hasClaimWords(gate, '中美人工智能军备竞赛')).toBe(true);
  });
});

describe('hasContextWords (the gate script’s first look, at the page’s text as it stands)', () => {
  const looks = (text: string, mentions = gate.mentions ?? null) => hasContextWords(bundledPatterns, mentions, text);
  const labelled = ['passages', 'holdout'].flatMap((name) =>
    readFileSync(`tests/fixtures/labelled/${name}.jsonl`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
  const examples = (library: typeof bundledLibrary) =>
    library.frames.flatMap((f) => f.claims.flatMap((c) => [...c.examples.uses, ...c.examples.critiques, ...c.examples.none]));
  /** The bundled library with its first claim needing `needs`. */
  const firstClaimNeeding = (needs: string[]) => {
    const [first, ...rest] = bundledLibrary.frames;
    if (!first) throw new Error('the bundled library has no frame');
    return { ...bundledLibrary, frames: [{ ...first, claims: first.claims.map((c, i) => (i === 0 ? { ...c, needs } : c)) }, ...rest] };
  };

  it('lets on every text the scan would let on: each labelled passage and each example of the library', () => {
    const texts = [...labelled, ...examples(bundledLibrary)];
    const passing = texts.filter((text) => hasClaimWords(gate, text));
    expect(passing.length).toBeGreaterThan(200);
    for (const text of passing) expect(looks(text), text).toBe(true);
  });

  it('looks for the words of the bundled library’s one needed context, AI: a claim needing none would bring the reader to every page', () => {
    expect(gate.mentions).toEqual(['ai']);
  });

  it('looks for as few contexts as every claim needs one of, and lets every text on where a claim needs none', () => {
    const rivalry = gateDataOf(firstClaimNeeding(['rivalry']));
    expect(rivalry.mentions).toEqual(['ai', 'rivalry']);
    // Where a claim needs either, the context the others need is enough.
    expect(gateDataOf(firstClaimNeeding(['rivalry', 'ai'])).mentions).toEqual(['ai']);
    const passing = [...labelled, ...examples(bundledLibrary)].filter((text) => hasClaimWords(rivalry, text));
    // Some of these say nothing about AI: only the rivalry's words let them on.
    expect(passing.filter((text) => !looks(text)).length).toBeGreaterThan(0);
    for (const text of passing) expect(looks(text, rivalry.mentions ?? null), text).toBe(true);
    expect(gateDataOf(firstClaimNeeding([])).mentions).toBeNull();
    expect(looks('A recipe for lemon cake.', null)).toBe(true);
  });

  it('turns away text with no word about AI, whatever else it says', () => {
    expect(looks('The arms race between spammers and filters never ends, and we must win it against China.')).toBe(false);
    // "AI" stands as a word of its own: not in "said", "MAIN" or "OpenAIs".
    expect(looks('MAIN STREET: said the mayor, who RAISED taxes.')).toBe(false);
    expect(looks('The AI race.')).toBe(true);
  });

  it('finds the words however the page writes them: any case, a line break between words', () => {
    expect(looks('ARTIFICIAL minds')).toBe(true);
    expect(looks('Deep\n      Learning')).toBe(true);
    // The Kelvin sign lowers to "k": the scan, which lowers the text, reads "chipmakers" here.
    expect(looks('the Chipma\u212Aers say')).toBe(true);
    expect(looks('GPT-4o and 人工智能')).toBe(true);
  });

  it('lets the reader decide where a context has no pattern in the gate script (packs from a later library)', () => {
    expect(looks('A recipe for lemon cake.', ['ai', 'baking'])).toBe(true);
  });
});

describe('contextPatterns (each context’s words as the one pattern the first look compiles)', () => {
  const sources = contextPatterns(gate);
  /** The scan's answer for one context's words alone: a claim that needs nothing but them. */
  const scanFinds = (name: string, text: string) =>
    hasClaimWords({ claims: [{ trigger: gate.contexts[name]!, needs: [] }], contexts: {}, mentions: null }, text);

  it('finds each word where the scan finds it, and nowhere else: whole, at a prefix’s start, in any case the scan lowers', () => {
    for (const [name, words] of Object.entries(gate.contexts)) {
      const pattern = new RegExp(sources[name]!);
      const entries = [...words.exact, ...words.prefixes, ...words.cased, ...words.casedPrefixes];
      const spellings = (entry: string) =>
        words.cased.includes(entry) || words.casedPrefixes.includes(entry)
          ? [entry]
          : [entry, entry.toUpperCase(), entry.charAt(0).toUpperCase() + entry.slice(1)];
      let found = 0;
      for (const entry of entries)
        for (const spelling of spellings(entry))
          for (const before of ['', ' ', 'x', '-'])
            for (const after of ['', ' ', 's', 'x', '.']) {
              const text = `${before}${spelling}${after}`;
              expect(pattern.test(text), `${name}: ${text}`).toBe(scanFinds(name, text));
              if (scanFinds(name, text)) found++;
            }
      expect(found).toBeGreaterThan(entries.length);
    }
  });

  it('writes each shared beginning once: "frontier" starts several of the AI words and stands in their pattern once', () => {
    expect(gate.contexts.ai!.exact.filter((entry) => entry.startsWith('frontier ')).length).toBeGreaterThanOrEqual(4);
    expect(sources.ai!.split('[fF][rR][oO][nN][tT][iI][eE][rR]').length - 1).toBe(1);
    // "智能" is in "人工智能": a page with the one has the other.
    expect(sources.ai).toContain('智能');
    expect(sources.ai).not.toContain('人工智能');
  });
});

describe('the gate data shipped in the extension', () => {
  it('is plain JSON that reads back the same, so the build can precompute it', () => {
    expect(JSON.parse(JSON.stringify(gate))).toEqual(gate);
    expect(eagerSource(compiled).gate).toEqual(gate);
  });
});
