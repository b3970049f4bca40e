// Large address books for the import's scale test and benchmark: a LinkedIn
// Connections.csv of `rows` people, written exactly as LinkedIn writes the real
// one (notes preamble, header, "12 Mar 2024" dates), with a third of the e-mail
// cells empty as in real exports. Names are the product of two lists, so every
// row is a different person; addresses are invented (example.com and friends).
const FIRST = ["Ana", "Ben", "Carla", "Dev", "Elena", "Farah", "Greg", "Hana", "Ivan", "Jon", "Kim", "Lena", "Mei", "Ngozi", "Omar", "Priya", "Quinn", "Rui", "Sven", "Tomás"];
const LAST = ["Lima", "Cho", "Mendes", "Patel", "Voss", "Haddad", "Okafor", "Schäfer", "Ruiz", "Eze", "Park", "Berg", "Costa", "Shah", "Lin", "Novak", "Adeyemi", "Kowalski", "Tanaka", "Moreau"];
const COMPANIES = ["Lumen Studio", "Northwind Ventures", "Greenloop", "Patel Labs", "Kinfolk Health", "Eze & Partners, LLP", "Berg AB", "Costa Lda"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const PREAMBLE = [
  "Notes:",
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  "",
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
];

/** Person `i` of a generated network: a unique name, and an address for two in three. */
export function generatedPerson(i: number): { first: string; last: string; email: string } {
  const first = FIRST[i % FIRST.length] ?? "Ana";
  const last = `${LAST[Math.floor(i / FIRST.length) % LAST.length] ?? "Lima"}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ""}`;
  const slug = `${first}.${last}`.toLowerCase().normalize("NFD").replace(/[^a-z.]/g, "");
  return { first, last, email: i % 3 === 2 ? "" : `${slug}.${i}@example.com` };
}

export function linkedInConnections(rows: number): string {
  const lines = [...PREAMBLE];
  for (let i = 0; i < rows; i++) {
    const { first, last, email } = generatedPerson(i);
    const company = COMPANIES[i % COMPANIES.length] ?? "";
    const quoted = company.includes(",") ? `"${company}"` : company;
    const date = `${String((i % 28) + 1).padStart(2, "0")} ${MONTHS[i % 12] ?? "Jan"} ${2015 + (i % 11)}`;
    lines.push(`${first},${last},https://www.linkedin.com/in/p${i},${email},${quoted},Product Manager,${date}`);
  }
  return `${lines.join("\n")}\n`;
}
