import { Route, Routes } from 'react-router';
import { BedBoardPage } from './BedBoardPage';
import { IntakeBoardPage } from './IntakeBoardPage';
import { QuickIntakePage } from './QuickIntakePage';
import { StayPage } from './StayPage';

/** /intake/…: today's board, quick intake, a stay, the bed board (a person's page is the people feature's, at /intake/person/…). */
export function IntakeRoutes() {
  return (
    <Routes>
      <Route index element={<IntakeBoardPage />} />
      <Route path="new" element={<QuickIntakePage />} />
      <Route path="stay/:id" element={<StayPage />} />
      <Route path="beds" element={<BedBoardPage />} />
    </Routes>
  );
}
