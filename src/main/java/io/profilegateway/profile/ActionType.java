package io.profilegateway.profile;

/** The actions a profile chain is made of (product.md §3); each maps to desired PBX state (pbx.md). */
public enum ActionType {
    SET_REACHABILITY, FOLLOW_ME, GSM_MODE, TEAM_LOGIN, TEAM_LOGOUT, TEAM_PAUSE, TEAM_UNPAUSE, SET_WORKPLACE,
    UNSET_WORKPLACE, SET_REDIRECT, UNSET_REDIRECT
}
