import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enMeetings from "./en/meetings.json";
import idAuth from "./id/auth.json";
import idCommon from "./id/common.json";
import idMeetings from "./id/meetings.json";

/** Each area keeps its own message file; add a line here for a new one. */
export const messages = {
  id: { ...idCommon, ...idAuth, ...idMeetings },
  en: { ...enCommon, ...enAuth, ...enMeetings },
};

export type Messages = (typeof messages)["id"];
