import UPNG from 'upng-js';

/**
 * How much of a screenshot is not page background: the share of pixels that differ from the
 * top-left one, and how many colours it has (counted up to 1,000). A blank page scores near 0
 * on both.
 */
export function screenshotPixels(png: Buffer): { inkShare: number; colours: number } {
  const image = UPNG.decode(new Uint8Array(png).buffer);
  const view = new DataView(UPNG.toRGBA8(image)[0]!);
  const background = view.getUint32(0);
  const colours = new Set<number>();
  let ink = 0;
  for (let offset = 0; offset < view.byteLength; offset += 4) {
    const pixel = view.getUint32(offset);
    if (pixel !== background) ink += 1;
    if (colours.size < 1000) colours.add(pixel);
  }
  return { inkShare: ink / (view.byteLength / 4), colours: colours.size };
}
