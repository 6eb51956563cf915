export { balancedEntry, type EntryKind, type JournalEntry, netPostings, type Posting } from './journal.ts';
