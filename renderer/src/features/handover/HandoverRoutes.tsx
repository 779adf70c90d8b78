import { Route, Routes } from 'react-router';
import { HandoverListPage } from './HandoverListPage';
import { HandoverPage } from './HandoverPage';

/** /handover: the shift due and the history; /handover/:id: one handover from compose to seal. */
export function HandoverRoutes() {
  return (
    <Routes>
      <Route index element={<HandoverListPage />} />
      <Route path=":id" element={<HandoverPage />} />
    </Routes>
  );
}
