// Reads a JSON array of cases from stdin; for each, with the avsc implementation:
//   json -> encode it (Avro JSON encoding in, binary out) as avscHex;
//   hex  -> decode it (failing on trailing bytes), report the value in Avro's JSON encoding and its re-encoding.
'use strict';
const avro = require('avsc');

const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const results = cases.map((c) => {
  const result = {};
  try {
    const type = avro.Type.forSchema(JSON.parse(c.schema));
    if (c.json !== undefined && c.json !== null) {
      result.avscHex = type.toBuffer(type.fromString(c.json)).toString('hex');
    }
    if (c.hex !== undefined && c.hex !== null) {
      const value = type.fromBuffer(Buffer.from(c.hex, 'hex'));
      result.decodedJson = type.toString(value);
      result.reencodedHex = type.toBuffer(value).toString('hex');
    }
  } catch (error) {
    result.error = String((error && error.message) || error);
  }
  return result;
});
process.stdout.write(JSON.stringify(results));
