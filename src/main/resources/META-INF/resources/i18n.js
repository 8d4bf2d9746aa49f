// German and English strings. The language is the signed-in user's group language, else the browser's.
const STRINGS = {
  en: {
    appName: 'Profile Gateway', signIn: 'Sign in', signOut: 'Sign out', username: 'User name', password: 'Password',
    signInMicrosoft: 'Sign in with Microsoft', signInFailed: 'Wrong user name or password.',
    navPresence: 'My presence', navBoard: 'Colleagues', navAdmin: 'Administration', mainNav: 'Main',
    myPresence: 'My presence', activeNow: 'Active now', since: 'since', switchFailed: 'Switching failed',
    forHowLong: 'For how long', untilSwitched: 'Until I switch again', for30: 'For 30 minutes', for60: 'For 1 hour',
    for120: 'For 2 hours', for240: 'For 4 hours', untilTime: 'Until a time of day', untilThen: 'then back at', refused: 'refused',
    askTitle: 'Switch to {0}', redirectTarget: 'Redirect calls to', ok: 'Switch', cancel: 'Cancel',
    history: 'My history', when: 'When', from: 'From', to: 'To', source: 'Source', outcome: 'Outcome',
    previous: 'Previous', next: 'Next', pageOf: 'Page {0} of {1}', noHistory: 'No switches yet.',
    optOuts: 'Triggers', optOutsHelp: 'Profiles that switch me by themselves (time, office hours, Teams). Untick to opt out.',
    noTriggers: 'No profile has triggers.',
    board: 'Colleagues', search: 'Search', searchHint: 'Name, extension or profile', noGroup: 'Without group',
    nobody: 'Nobody matches.', unknownPresence: 'presence not shown', live: 'Live', offline: 'Reconnecting…',
    adminProfiles: 'Profiles', adminUsers: 'Users', adminGroups: 'Groups', adminTeams: 'Teams',
    adminWorkplaces: 'Workplaces', adminTokens: 'API tokens', adminPbx: 'PBX sync', notAllowed: 'You may not administer this gateway.',
    newProfile: 'New profile', edit: 'Edit', delete: 'Delete', save: 'Save', saved: 'Saved.', create: 'Create',
    name: 'Name', color: 'Colour', icon: 'Icon', iconVisible: 'Show icon', sticky: 'Sticky (no trigger switches away)',
    presence: 'Presence type', assignment: 'Assignment', roles: 'Roles that may use it (none = all)',
    groupsUse: 'Groups that may use it (none = all)', enterActions: 'Enter actions', leaveActions: 'Leave actions',
    addAction: 'Add action', moveUp: 'Move up', moveDown: 'Move down', remove: 'Remove', actionType: 'Action',
    enabled: 'On', targets: 'Numbers (comma separated)', ringSeconds: 'Ring time (s)', preRingSeconds: 'Own phones first (s)', team: 'Team', allTeams: 'all teams',
    penalty: 'Penalty', reason: 'Reason', workplace: 'Workplace', kind: 'Kind', target: 'Target ("ask" = asked at switch)',
    triggers: 'Triggers', addTrigger: 'Add trigger', triggerType: 'Trigger', at: 'At', until: 'Until (optional)',
    days: 'Weekdays', date: 'Or once, on', timeZone: 'Time zone (empty = group\'s)', zone: 'Time zone', activities: 'Teams activities (none = all meeting kinds)',
    group: 'Group', whenOffice: 'When the office is', back: 'Back to the list', builtIn: 'built in',
    displayName: 'Display name', extension: 'Extension', email: 'E-mail', mobile: 'Mobile', role: 'Role',
    primaryGroup: 'Primary group', otherGroups: 'Other groups', devices: 'Devices (comma separated)', vip: 'VIP',
    profilePersonal: 'May create personal profiles', newUser: 'New user', none: '(none)', setPassword: 'Set password',
    language: 'Language', officeHours: 'Office hours', officeNow: 'Office now', override: 'Override',
    overrideOpen: 'Open now', overrideClosed: 'Close now', overrideBreak: 'Break now', overrideNone: 'Back to schedule',
    addInterval: 'Add interval', day: 'Day', start: 'From', end: 'To', state: 'State', newGroup: 'New group',
    queue: 'Queue (Asterisk)', newTeam: 'New team', device: 'Device', heldBy: 'Held by', newWorkplace: 'New workplace',
    tokenName: 'Token name', tokenShownOnce: 'Copy this token now: it is shown only this once.', created: 'Created',
    forUser: 'User', desired: 'Desired', applied: 'Applied', inSync: 'In sync', outOfSync: 'Out of sync', show: 'Show',
    confirmDelete: 'Delete {0}?', loading: 'Loading…', yes: 'yes', no: 'no', actions: 'Actions',
    sectionNotAllowed: 'Your role may not use this section (403).', groupBy: 'Group by', byGroup: 'Group',
    byTeam: 'Team', noTeam: 'No team',
    adminReports: 'Reports', reportTitle: 'Agent states', reportFilters: 'Filters', allTeamsOption: 'All teams',
    allUsersOption: 'All users', reportShow: 'Show report', csvDownload: 'Download CSV', perState: 'Time per state',
    perReason: 'Paused, per reason', noReason: '(no reason)', noReportData: 'No agent states in this window.',
    state_LOGGED_OUT: 'Logged out', state_AVAILABLE: 'Available', state_PAUSED: 'Paused', hoursMinutes: '{0} h {1} min',
    chartOf: 'Bar chart: {0}',
  },
  de: {
    appName: 'Profile Gateway', signIn: 'Anmelden', signOut: 'Abmelden', username: 'Benutzername', password: 'Passwort',
    signInMicrosoft: 'Mit Microsoft anmelden', signInFailed: 'Benutzername oder Passwort falsch.',
    navPresence: 'Meine Präsenz', navBoard: 'Kollegen', navAdmin: 'Verwaltung', mainNav: 'Hauptmenü',
    myPresence: 'Meine Präsenz', activeNow: 'Jetzt aktiv', since: 'seit', switchFailed: 'Umschalten fehlgeschlagen',
    forHowLong: 'Wie lange', untilSwitched: 'Bis ich wieder umschalte', for30: 'Für 30 Minuten', for60: 'Für 1 Stunde',
    for120: 'Für 2 Stunden', for240: 'Für 4 Stunden', untilTime: 'Bis zu einer Uhrzeit', untilThen: 'danach zurück um', refused: 'abgelehnt',
    askTitle: 'Zu {0} wechseln', redirectTarget: 'Anrufe umleiten an', ok: 'Wechseln', cancel: 'Abbrechen',
    history: 'Mein Verlauf', when: 'Wann', from: 'Von', to: 'Nach', source: 'Quelle', outcome: 'Ergebnis',
    previous: 'Zurück', next: 'Weiter', pageOf: 'Seite {0} von {1}', noHistory: 'Noch keine Wechsel.',
    optOuts: 'Auslöser', optOutsHelp: 'Profile, die mich selbst umschalten (Zeit, Bürozeiten, Teams). Haken entfernen zum Abmelden.',
    noTriggers: 'Kein Profil hat Auslöser.',
    board: 'Kollegen', search: 'Suche', searchHint: 'Name, Nebenstelle oder Profil', noGroup: 'Ohne Gruppe',
    nobody: 'Niemand gefunden.', unknownPresence: 'Präsenz nicht sichtbar', live: 'Live', offline: 'Verbinde neu…',
    adminProfiles: 'Profile', adminUsers: 'Benutzer', adminGroups: 'Gruppen', adminTeams: 'Teams',
    adminWorkplaces: 'Arbeitsplätze', adminTokens: 'API-Tokens', adminPbx: 'TK-Abgleich', notAllowed: 'Sie dürfen dieses Gateway nicht verwalten.',
    newProfile: 'Neues Profil', edit: 'Bearbeiten', delete: 'Löschen', save: 'Speichern', saved: 'Gespeichert.', create: 'Anlegen',
    name: 'Name', color: 'Farbe', icon: 'Symbol', iconVisible: 'Symbol zeigen', sticky: 'Angeheftet (kein Auslöser schaltet weg)',
    presence: 'Präsenztyp', assignment: 'Zuordnung', roles: 'Rollen, die es nutzen dürfen (keine = alle)',
    groupsUse: 'Gruppen, die es nutzen dürfen (keine = alle)', enterActions: 'Aktionen beim Betreten', leaveActions: 'Aktionen beim Verlassen',
    addAction: 'Aktion hinzufügen', moveUp: 'Nach oben', moveDown: 'Nach unten', remove: 'Entfernen', actionType: 'Aktion',
    enabled: 'Ein', targets: 'Nummern (durch Komma getrennt)', ringSeconds: 'Klingelzeit (s)', preRingSeconds: 'Erst eigene Telefone (s)', team: 'Team', allTeams: 'alle Teams',
    penalty: 'Penalty', reason: 'Grund', workplace: 'Arbeitsplatz', kind: 'Art', target: 'Ziel („ask“ = beim Wechsel fragen)',
    triggers: 'Auslöser', addTrigger: 'Auslöser hinzufügen', triggerType: 'Auslöser', at: 'Um', until: 'Bis (optional)',
    days: 'Wochentage', date: 'Oder einmalig am', timeZone: 'Zeitzone (leer = die der Gruppe)', zone: 'Zeitzone', activities: 'Teams-Aktivitäten (keine = alle Besprechungsarten)',
    group: 'Gruppe', whenOffice: 'Wenn das Büro', back: 'Zurück zur Liste', builtIn: 'eingebaut',
    displayName: 'Anzeigename', extension: 'Nebenstelle', email: 'E-Mail', mobile: 'Mobil', role: 'Rolle',
    primaryGroup: 'Hauptgruppe', otherGroups: 'Weitere Gruppen', devices: 'Geräte (durch Komma getrennt)', vip: 'VIP',
    profilePersonal: 'Darf persönliche Profile anlegen', newUser: 'Neuer Benutzer', none: '(keine)', setPassword: 'Passwort setzen',
    language: 'Sprache', officeHours: 'Bürozeiten', officeNow: 'Büro jetzt', override: 'Übersteuern',
    overrideOpen: 'Jetzt öffnen', overrideClosed: 'Jetzt schließen', overrideBreak: 'Jetzt Pause', overrideNone: 'Zurück zum Plan',
    addInterval: 'Zeitraum hinzufügen', day: 'Tag', start: 'Von', end: 'Bis', state: 'Zustand', newGroup: 'Neue Gruppe',
    queue: 'Warteschlange (Asterisk)', newTeam: 'Neues Team', device: 'Gerät', heldBy: 'Belegt von', newWorkplace: 'Neuer Arbeitsplatz',
    tokenName: 'Name des Tokens', tokenShownOnce: 'Kopieren Sie das Token jetzt: es wird nur dieses eine Mal gezeigt.', created: 'Angelegt',
    forUser: 'Benutzer', desired: 'Soll', applied: 'Ist', inSync: 'Abgeglichen', outOfSync: 'Nicht abgeglichen', show: 'Zeigen',
    confirmDelete: '{0} löschen?', loading: 'Lädt…', yes: 'ja', no: 'nein', actions: 'Aktionen',
    sectionNotAllowed: 'Ihre Rolle darf diesen Bereich nicht nutzen (403).', groupBy: 'Gruppieren nach',
    byGroup: 'Gruppe', byTeam: 'Team', noTeam: 'Ohne Team',
    adminReports: 'Berichte', reportTitle: 'Agentenstatus', reportFilters: 'Filter', allTeamsOption: 'Alle Teams',
    allUsersOption: 'Alle Benutzer', reportShow: 'Bericht anzeigen', csvDownload: 'CSV herunterladen',
    perState: 'Zeit je Status', perReason: 'Pausiert, je Grund', noReason: '(ohne Grund)',
    noReportData: 'Keine Agentenstatus in diesem Zeitraum.', state_LOGGED_OUT: 'Abgemeldet',
    state_AVAILABLE: 'Verfügbar', state_PAUSED: 'Pausiert', hoursMinutes: '{0} Std. {1} Min.',
    chartOf: 'Balkendiagramm: {0}',
  },
};

let lang = (navigator.language || 'en').slice(0, 2) === 'de' ? 'de' : 'en';

/** Sets the language from a BCP 47 tag (a group's language); anything but German is English. */
export function setLanguage(tag) {
  lang = tag && tag.toLowerCase().startsWith('de') ? 'de' : 'en';
  document.documentElement.lang = lang;
}

export const language = () => lang;

/** The string for key, with {0}, {1}… replaced by the arguments. */
export function t(key, ...args) {
  const s = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return args.reduce((acc, a, i) => acc.replace(`{${i}}`, a), s);
}
