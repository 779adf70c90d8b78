import type { Samples } from './types';

/** A valid input for each of people's procedures. */
export const peopleSamples = {
  'people.search': { q: '张' },
  'people.matches': { name: '张三', sex: 'male', birthYear: 1990 },
  'people.get': { id: 1 },
  'people.update': { id: 1, name: '张三', dialect: '河南口音' },
  'people.setPhoto': { id: 1, dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', type: 'image/png' },
  'people.photo': { id: 1 },
  'people.clearIdNumber': { id: 1, reason: '身份证号登记错误，待核实' },
  'people.link': { a: 1, b: 2, reason: '同一人：身份证号一致' },
  'people.unlink': { linkId: 1, reason: '核实后并非同一人' },
} satisfies Samples;
