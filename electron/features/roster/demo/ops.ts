/** The steps of duty's demo section: what the planner decides, and both writers apply. Handovers are the planner's keys. */
import type { Post, ShiftInstance } from '../../../../shared/domain/duty';

export type Op =
  | { k: 'assign'; at: number; actor: number; day: string; shift: string; post: Post; staffId: number }
  | { k: 'publish'; at: number; actor: number; from: string; to: string; override?: string }
  | { k: 'round'; at: number; actor: number; checkpointId: number; code: string; walkedBy: number; finding: 'normal' | 'issue'; category?: 'fire_hazard' | 'hygiene' | 'facility'; note?: string }
  | { k: 'incident'; at: number; actor: number; category: 'fight' | 'illness' | 'visitor' | 'complaint'; description: string; action: string; stayIds: number[] }
  | { k: 'open'; at: number; actor: number; handover: number; shift: ShiftInstance; /** The bulk writer compiles the sections only once, at submitting, when that follows. */ willSubmit: boolean }
  | { k: 'submit'; at: number; actor: number; handover: number; notes: string }
  | { k: 'ack'; at: number; actor: number; handover: number }
  | { k: 'sign'; at: number; actor: number; handover: number };
