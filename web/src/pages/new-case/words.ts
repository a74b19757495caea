import { defineWords } from '../../i18n';

/** The words of starting a case. */
export const w = defineWords({
  sv: {
    newCase: 'Nytt ärende',
    title: 'Starta ett nytt ärende',
    intro:
      'Ett ärende är en samverkan som följer ett arbetsflöde steg för steg. {org} leder ärendet och du blir dess sekretariat; parter och roller lägger du till sedan.',
    backToCases: 'Tillbaka till Mina ärenden',
    workflowQuestion: 'Vilket arbetsflöde ska ärendet följa?',
    workflowHint: 'Arbetsflödet bestämmer stegen och vad som krävs för att gå vidare.',
    chooseWorkflow: 'Välj vilket arbetsflöde ärendet ska följa',
    lifecycleOf: 'Stegen i {title}',
    lifecycleIntro: 'Ärendet börjar i det första steget.',
    titleLabel: 'Ärendets namn',
    titleHint: 'Det namn parterna känner samverkan under, till exempel Barnens bästa gäller – Kronoberg.',
    titleNoun: 'Namnet',
    writeTitle: 'Skriv ärendets namn',
    startButton: 'Starta ärendet',
    started: 'Ärendet ”{title}” är startat.',
    startedNext: '{org} leder ärendet och du är dess sekretariat. Lägg till de organisationer som ska samverka.',
    addParties: 'Lägg till en part',
    notAPerson: 'Bara en person som är registrerad för en organisation kan starta ett ärende. Be en administratör att registrera dig.',
  },
  en: {
    newCase: 'New case',
    title: 'Start a new case',
    intro:
      'A case is a collaboration that follows a workflow step by step. {org} leads the case and you become its secretariat; you add parties and roles next.',
    backToCases: 'Back to My cases',
    workflowQuestion: 'Which workflow should the case follow?',
    workflowHint: 'The workflow sets the steps and what it takes to move on.',
    chooseWorkflow: 'Choose the workflow the case follows',
    lifecycleOf: 'The steps of {title}',
    lifecycleIntro: 'The case starts in the first step.',
    titleLabel: 'Name of the case',
    titleHint: 'The name the parties know the collaboration by, for example The child’s best – Kronoberg.',
    titleNoun: 'The name',
    writeTitle: 'Enter the name of the case',
    startButton: 'Start the case',
    started: 'The case “{title}” is started.',
    startedNext: '{org} leads the case and you are its secretariat. Add the organisations that take part.',
    addParties: 'Add a party',
    notAPerson: 'Only a person registered for an organisation may start a case. Ask an administrator to register you.',
  },
});
