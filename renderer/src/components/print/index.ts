/**
 * The print kit: everything an A4 view needs. A feature registers its print routes in its `feature.tsx`
 * (`printRoutes`, each at `/print/<path>`, outside the application frame) and builds each sheet from these.
 */
export { PrintFrame } from './PrintFrame';
export { SheetFoot, SheetHead, Signatures } from './Sheet';
export { FieldRow, FormTable, ListTable, SectionRow, type PrintField } from './rows';
export { useWhen } from '../useWhen';
export { str } from '../format';
