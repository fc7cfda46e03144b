import type fc from 'fast-check'

/**
 * Draws a number in [0, 1) from fast-check's random source, exactly as the deprecated `Random#nextDouble`
 * does (26 then 27 random bits), so that seeds keep producing the same values.
 * @param mrng fast-check's random source for the current draw.
 * @returns A uniformly distributed number, 0 included, 1 excluded.
 */
export function drawUnitInterval(mrng: fc.Random): number {
  const high = mrng.nextInt(0, 2 ** 26 - 1)
  const low = mrng.nextInt(0, 2 ** 27 - 1)
  return (high * 2 ** 27 + low) * 2 ** -53
}
