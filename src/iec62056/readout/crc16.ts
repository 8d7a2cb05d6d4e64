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

/**
 * CRC16/ARC over source[start, end): a string read as latin1 bytes (one char per byte), or its character codes
 * (the parser passes its typed array: indexing it is cheaper than charCodeAt). Both give the same value.
 */
export function crc16Arc(source: string | Uint8Array | Uint16Array, start = 0, end = source.length): number {
  let crc = 0;
  if (typeof source === 'string') {
    for (let i = start; i < end; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ source.charCodeAt(i)) & 0xff];
  } else {
    for (let i = start; i < end; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ source[i]) & 0xff];
  }
  return crc;
}
