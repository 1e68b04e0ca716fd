// Loads the project's data block and pool into an allot server with @allot/client.
import { AllotClient } from '@allot/client';

const client = new AllotClient({
  baseUrl: process.env.ALLOT_SERVER_URL,
  apiKey: process.env.ALLOT_API_KEY,
});
await client.uploadBlock('people', 'data/people.csv', { keyColumn: 'id' });
const pool = await client.uploadPool('pools/people.yaml');
console.log(`uploaded pool "${pool.name}" (${pool.tests.length} tests)`);
