/** Draws an address's QR code into an inline <svg> prepared by its component (a white rect, a `path` for the modules, a `title`). */
import { qrCodeShape } from '../lib/qrCode';

/** Redraws `svg` as the QR code of `address`, with `label` as its accessible name. */
export function drawQrCode(svg: SVGSVGElement, address: string, label: string): void {
  const qr = qrCodeShape(address);
  svg.setAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
  svg.querySelector('path')!.setAttribute('d', qr.path);
  svg.querySelector('title')!.textContent = label;
}
