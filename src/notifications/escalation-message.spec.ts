import { escalationMail, escalationWebhook, type EscalationNotice } from './escalation-message.js';

function notice(overrides: Partial<EscalationNotice> = {}): EscalationNotice {
  return {
    escalationId: 'e1',
    case: { id: 'c1', title: 'Barnens bästa gäller', workflow: { id: 'samverkan', version: 1 } },
    step: { id: 'jointProblem', title: 'Gemensamt problem' },
    level: { name: 'manager', rung: 1, of: 3, title: 'Eskalering till chef' },
    deadline: { dueOn: '2026-06-24', dueAt: '2026-06-24T22:00:00.000Z', sla: { workingDays: 3 } },
    overdue: true,
    workingDaysLeft: -2,
    firedAt: '2026-06-29T06:00:00.000Z',
    notifiedRoles: ['manager'],
    unfilledRoles: [],
    blocking: [
      {
        event: 'ADVANCE',
        title: 'Gå vidare till Nulägesanalys',
        failures: [{ rule: 'problem-statement', message: 'Problemformuleringen saknas.', responsible: 'secretariat' }],
      },
    ],
    ...overrides,
  };
}

describe('escalationMail', () => {
  it('says in Swedish which case and step, how late, and what blocks it', () => {
    const mail = escalationMail(notice(), ['manager', 'steeringGroup']);
    expect(mail.subject).toBe('Eskalering till chef: Barnens bästa gäller – Gemensamt problem är 2 arbetsdagar försenat');
    expect(mail.text).toBe(
      [
        'Hej,',
        '',
        'du får det här meddelandet som chef och styrgrupp i samverkan "Barnens bästa gäller".',
        '',
        'Steg: Gemensamt problem',
        'Frist: onsdag 24 juni 2026 (3 arbetsdagar)',
        'Läge 29 juni 2026: fristen passerades för 2 arbetsdagar sedan.',
        'Nivå: Eskalering till chef (2 av 3)',
        '',
        'Det här hindrar ärendet från att gå vidare:',
        'Gå vidare till Nulägesanalys (ADVANCE):',
        '  – Problemformuleringen saknas. (ansvarig: sekretariat)',
        '',
        'Ärende: c1',
        'Eskalering: e1 (en chef kvitterar den i Samverkan)',
        '',
        'Meddelandet skickades automatiskt av Samverkan.',
        '',
      ].join('\n'),
    );
  });

  it('words a reminder before the deadline, the deadline just passed, and met gates', () => {
    const before = escalationMail(notice({ overdue: false, workingDaysLeft: 2, level: { name: 'reminder', rung: 0, of: 3 }, blocking: [] }), ['secretariat']);
    expect(before.subject).toBe('Påminnelse: Barnens bästa gäller – Gemensamt problem ska vara klart 24 juni');
    expect(before.text).toContain('Läge 29 juni 2026: 2 arbetsdagar kvar till fristen.');
    expect(before.text).toContain('Villkoren för att gå vidare är uppfyllda: ärendet väntar på att någon för det vidare.');
    const lastDay = escalationMail(notice({ overdue: false, workingDaysLeft: 0 }), ['secretariat']);
    expect(lastDay.text).toContain('fristen går ut vid dagens slut.');
    const passed = escalationMail(notice({ workingDaysLeft: 0, level: { name: 'manager', rung: 1, of: 3 } }), ['manager']);
    expect(passed.subject).toBe('Eskalering: Barnens bästa gäller – Gemensamt problem har passerat fristen');
    expect(passed.text).toContain('fristen har just passerats.');
  });

  it('says when a role of the level is vacant', () => {
    const mail = escalationMail(notice({ unfilledRoles: ['steeringGroup'] }), ['manager']);
    expect(mail.text).toContain('Ingen innehar rollen styrgrupp i ärendet, så den har inte fått meddelandet.');
  });
});

describe('escalationWebhook', () => {
  it('carries the delivery id and the escalation without personal data', () => {
    const payload = escalationWebhook('n1', notice());
    expect(payload).toMatchObject({
      id: 'n1',
      type: 'escalation.raised',
      occurredAt: '2026-06-29T06:00:00.000Z',
      escalation: { id: 'e1', level: 'manager', rung: 1, title: 'Eskalering till chef' },
      case: { id: 'c1', title: 'Barnens bästa gäller' },
      overdue: true,
      workingDaysLeft: -2,
      notifiedRoles: ['manager'],
    });
    expect(JSON.stringify(payload)).not.toMatch(/@/);
  });
});
