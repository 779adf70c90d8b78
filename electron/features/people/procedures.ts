import type { peopleContract } from '../../../shared/contract/people';
import { stationDay } from '../../../shared/domain/time';
import { requireActor, type HandlerContext, type Handlers } from '../../rpc/context';
import { readSettings } from '../settings/service';
import { matchPeople, searchPeople } from './search';
import { clearIdNumber, getPerson, linkPeople, setPhoto, unlinkPeople, writePerson } from './service';

const today = (ctx: HandlerContext) => stationDay(ctx.now, readSettings(ctx.db).timeZone);

export const peopleHandlers: Handlers<keyof typeof peopleContract> = {
  'people.search': (input, ctx) => searchPeople(ctx.db, input.q, input.limit, today(ctx)),
  'people.matches': (input, ctx) => matchPeople(ctx.db, input, today(ctx)),
  'people.get': (input, ctx) => getPerson(ctx.db, input.id, today(ctx)),

  'people.update': ({ id, ...fields }, ctx) => {
    const day = today(ctx);
    const before = getPerson(ctx.db, id, day);
    writePerson(ctx.db, id, fields, { now: ctx.now, today: day, actorId: requireActor(ctx).id });
    const after = getPerson(ctx.db, id, day);
    ctx.audit({ entity: 'person', entityId: id, before: { ...before, stays: undefined }, after: { ...after, stays: undefined } });
    return after;
  },

  'people.setPhoto': (input, ctx) => {
    setPhoto(ctx.db, input.id, input.dataBase64, input.type, ctx.now);
    ctx.audit({ entity: 'person', entityId: input.id, after: { photo: input.type, bytes: Math.floor((input.dataBase64.length * 3) / 4) } });
    return getPerson(ctx.db, input.id, today(ctx));
  },

  'people.photo': (input, ctx) => {
    const row = ctx.db.prepare('SELECT photo, photo_type FROM persons WHERE id = ?').get(input.id) as { photo: Buffer | null; photo_type: string | null } | undefined;
    return row?.photo ? { dataBase64: row.photo.toString('base64'), type: row.photo_type ?? 'image/jpeg' } : null;
  },

  'people.clearIdNumber': (input, ctx) => {
    const removed = clearIdNumber(ctx.db, input.id, ctx.now);
    ctx.audit({ entity: 'person', entityId: input.id, before: { idNumber: removed }, after: { idNumber: null, reason: input.reason } });
    return getPerson(ctx.db, input.id, today(ctx));
  },

  'people.link': (input, ctx) => {
    const linkId = linkPeople(ctx.db, input.a, input.b, input.reason, requireActor(ctx).id, ctx.now);
    ctx.audit({ entity: 'person_link', entityId: linkId, after: { a: input.a, b: input.b, reason: input.reason } });
    return getPerson(ctx.db, input.a, today(ctx));
  },

  'people.unlink': (input, ctx) => {
    const { a } = unlinkPeople(ctx.db, input.linkId, input.reason, requireActor(ctx).id, ctx.now);
    ctx.audit({ entity: 'person_link', entityId: input.linkId, after: { unlinked: true, reason: input.reason } });
    return getPerson(ctx.db, a, today(ctx));
  },
};
