import { Route, Routes } from 'react-router';
import { BedBoardPage } from './BedBoardPage';
import { IntakeBoardPage } from './IntakeBoardPage';
import { PersonPage } from './PersonPage';
import { QuickIntakePage } from './QuickIntakePage';
import { StayPage } from './StayPage';

/** /intake/…: today's board, quick intake, a stay, a person, the bed board. */
export function IntakeRoutes() {
  return (
    <Routes>
      <Route index element={<IntakeBoardPage />} />
      <Route path="new" element={<QuickIntakePage />} />
      <Route path="stay/:id" element={<StayPage />} />
      <Route path="person/:id" element={<PersonPage />} />
      <Route path="beds" element={<BedBoardPage />} />
    </Routes>
  );
}
