/**
 * A number of characters that sections of a bounded document draw from. A section takes whole
 * blocks while they fit and ends with a note naming how many it left out; room for that note is
 * kept back before any block is taken, so the note always fits.
 */
export class TextBudget {
  #remaining: number;

  constructor(characters: number) {
    this.#remaining = characters;
  }

  get remaining(): number {
    return this.#remaining;
  }

  /** Counts text that is shown whatever the budget (headers, notes). */
  spend(text: string): string {
    this.#remaining -= text.length;
    return text;
  }

  /**
   * The blocks that fit, in order, and then `omitted(n)` for the n that did not. Stops at the
   * first block that does not fit, so what is shown is always a prefix of the whole.
   */
  takeWhole(blocks: readonly string[], omitted: (count: number) => string): string[] {
    const reserve = omitted(blocks.length).length;
    const taken: string[] = [];
    for (const block of blocks) {
      if (block.length > this.#remaining - reserve) break;
      taken.push(this.spend(block));
    }
    const left = blocks.length - taken.length;
    if (left > 0) taken.push(this.spend(omitted(left)));
    return taken;
  }
}
