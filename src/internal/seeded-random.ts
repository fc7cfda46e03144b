/**
 * A small seeded random generator (mulberry32): the same seed gives the same sequence.
 */
export class SeededRandom {
  private state: number

  /**
   * @param seed Any integer.
   */
  constructor(seed: number) {
    this.state = seed | 0
  }

  /**
   * The next number in [0, 1).
   * @returns The number.
   */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /**
   * A string of characters drawn from an alphabet.
   * @param alphabet The characters.
   * @param length How many.
   * @returns The string.
   */
  string(alphabet: string, length: number): string {
    let out = ''
    for (let i = 0; i < length; i++)
      out += alphabet[Math.floor(this.next() * alphabet.length)] ?? ''
    return out
  }
}
