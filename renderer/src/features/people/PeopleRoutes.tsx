import { Route, Routes } from 'react-router';
import { PersonPage } from './PersonPage';

/** /intake/person/:id — a person's record, reached from intake's search, board and stays. */
export function PeopleRoutes() {
  return (
    <Routes>
      <Route path=":id" element={<PersonPage />} />
    </Routes>
  );
}
