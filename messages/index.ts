import enAdmin from "./en/admin.json";
import enAgenda from "./en/agenda.json";
import enApi from "./en/api.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enFollowUps from "./en/followUps.json";
import enLive from "./en/live.json";
import enMeetings from "./en/meetings.json";
import enNotices from "./en/notices.json";
import enOffices from "./en/offices.json";
import enProfile from "./en/profile.json";
import idAdmin from "./id/admin.json";
import idAgenda from "./id/agenda.json";
import idApi from "./id/api.json";
import idAuth from "./id/auth.json";
import idCommon from "./id/common.json";
import idFollowUps from "./id/followUps.json";
import idLive from "./id/live.json";
import idMeetings from "./id/meetings.json";
import idNotices from "./id/notices.json";
import idOffices from "./id/offices.json";
import idProfile from "./id/profile.json";

/** Each area keeps its own message file; add a line here for a new one. */
export const messages = {
  id: { ...idCommon, ...idAuth, ...idAdmin, ...idApi, ...idProfile, ...idMeetings, ...idFollowUps, ...idAgenda, ...idOffices, ...idLive, ...idNotices },
  en: { ...enCommon, ...enAuth, ...enAdmin, ...enApi, ...enProfile, ...enMeetings, ...enFollowUps, ...enAgenda, ...enOffices, ...enLive, ...enNotices },
};

export type Messages = (typeof messages)["id"];
