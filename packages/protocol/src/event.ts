import { Type, type Static } from 'typebox';

/** An entry of the event log as the API shows it. */
export const EventSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  actor: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  project: Type.Union([Type.Integer(), Type.Null()]),
  subject: Type.String(),
  at: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type Event = Static<typeof EventSchema>;

/** A user's notification of an event. */
export const NotificationSchema = Type.Object({
  id: Type.Integer({ description: "The event's id." }),
  read: Type.Boolean(),
  readAt: Type.Union([Type.String(), Type.Null()]),
  event: EventSchema,
});
export type Notification = Static<typeof NotificationSchema>;
