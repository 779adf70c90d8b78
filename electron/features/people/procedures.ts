import type { peopleContract } from '../../../shared/contract/people';
import { requireActor, type Handlers } from '../../rpc/context';
import { clearIdNumber, linkPeople, photoOf, setPhoto, unlinkPeople } from './records';
import { matchPeople, searchPeople } from './search';
import { getPerson, writePerson } from './service';

export const peopleHandlers: Handlers<keyof typeof peopleContract> = {
  'people.search': (input, ctx) => searchPeople(ctx.db, input.q, input.limit, ctx.today),
  'people.matches': (input, ctx) => matchPeople(ctx.db, input, ctx.today),
  'people.get': (input, ctx) => getPerson(ctx.db, input.id, ctx.today),

  'people.update': ({ id, ...fields }, ctx) => {
    const written = writePerson(ctx.db, id, fields, { now: ctx.now, today: ctx.today, actorId: requireActor(ctx).id });
    ctx.audit({ entity: 'person', entityId: id, before: written.before, after: written.wrote });
    return getPerson(ctx.db, id, ctx.today);
  },

  'people.setPhoto': (input, ctx) => {
    const bytes = setPhoto(ctx.db, input.id, input.dataBase64, input.type, ctx.now);
    ctx.audit({ entity: 'person', entityId: input.id, after: { photo: input.type, bytes } });
    return getPerson(ctx.db, input.id, ctx.today);
  },

  'people.photo': (input, ctx) => photoOf(ctx.db, input.id),

  'people.clearIdNumber': (input, ctx) => {
    const removed = clearIdNumber(ctx.db, input.id, ctx.now);
    ctx.audit({ entity: 'person', entityId: input.id, before: { idNumber: removed }, after: { idNumber: null } });
    return getPerson(ctx.db, input.id, ctx.today);
  },

  'people.link': (input, ctx) => {
    const linkId = linkPeople(ctx.db, input.a, input.b, input.reason, requireActor(ctx).id, ctx.now);
    ctx.audit({ entity: 'person_link', entityId: linkId });
    return getPerson(ctx.db, input.a, ctx.today);
  },

  'people.unlink': (input, ctx) => {
    const { a, b } = unlinkPeople(ctx.db, input.linkId, input.reason, requireActor(ctx).id, ctx.now);
    ctx.audit({ entity: 'person_link', entityId: input.linkId, before: { unlinked: false }, after: { unlinked: true, a, b } });
    return getPerson(ctx.db, a, ctx.today);
  },
};
