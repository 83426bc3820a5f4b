import enAdmin from "./en/admin.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enFollowUps from "./en/followUps.json";
import idAdmin from "./id/admin.json";
import idAuth from "./id/auth.json";
import idCommon from "./id/common.json";
import idFollowUps from "./id/followUps.json";

/** Each area keeps its own message file; add a line here for a new one. */
export const messages = {
  id: { ...idCommon, ...idAuth, ...idAdmin, ...idFollowUps },
  en: { ...enCommon, ...enAuth, ...enAdmin, ...enFollowUps },
};

export type Messages = (typeof messages)["id"];
