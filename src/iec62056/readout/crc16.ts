/**
 * CRC16/ARC (poly 0x8005 reflected = 0xA001, init 0, no final XOR), the checksum DSMR P1 telegrams carry
 * after `!` as 4 hex digits, computed over `/` ... `!` inclusive. Check value: "123456789" -> 0xBB3D.
 */
const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = n;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
    table[n] = crc;
  }
  return table;
})();

/** CRC16/ARC over text[start, end) read as latin1 bytes (one char per byte). */
export function crc16Arc(text: string, start = 0, end = text.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ text.charCodeAt(i)) & 0xff];
  return crc;
}
