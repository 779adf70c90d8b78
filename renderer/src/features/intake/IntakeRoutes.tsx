import { Route, Routes } from 'react-router';
import { BedBoardPage } from './BedBoardPage';
import { BoardListPage } from './BoardListPage';
import { IntakeBoardPage } from './IntakeBoardPage';
import { QuickIntakePage } from './QuickIntakePage';
import { StayPage } from './StayPage';

/** /intake/…: today's board and its lists in full, quick intake, a stay, the bed board (a person's page is the people feature's, at /intake/person/…). */
export function IntakeRoutes() {
  return (
    <Routes>
      <Route index element={<IntakeBoardPage />} />
      <Route path="new" element={<QuickIntakePage />} />
      <Route path="stay/:id" element={<StayPage />} />
      <Route path="beds" element={<BedBoardPage />} />
      <Route path="list/:key" element={<BoardListPage />} />
    </Routes>
  );
}
