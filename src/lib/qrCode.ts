/**
 * A QR code as one SVG path, so a page can draw it as inline SVG elements: the page's
 * Content-Security-Policy admits no data: images, and markup from a string would be HTML from elsewhere.
 * The encoding itself is the `qrcode` library's (ISO/IEC 18004); this module only draws its modules.
 */
import { create } from 'qrcode';

/** A QR code ready to draw: the side of its square in modules (quiet zone included) and the path of its dark modules. */
export interface QrCodeShape {
  size: number;
  path: string;
}

/** The light margin a reader needs around the code, in modules (the standard asks for four). */
export const quietZoneModules = 4;

/**
 * The QR code of `text` (error correction M: still readable with 15 % of it lost, e.g. glare on a screen).
 * Each row's runs of dark modules become one rectangle, which keeps the path short.
 */
export function qrCodeShape(text: string): QrCodeShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column++;
      commands.push(`M${start + quietZoneModules} ${row + quietZoneModules}h${column - start}v1h-${column - start}z`);
    }
  }
  return { size: modules.size + 2 * quietZoneModules, path: commands.join('') };
}
