/**
 * The example requests of the reference's sections on determining
 * attributes, coverage sets and business rules, in the order the reference
 * gives them: the documented method and path, and the body as printed
 * (trailing commas included). `line` is where the body starts in the
 * reference page, for checking a body against the words.
 */
export interface ReferenceExample {
  title: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  /** After `/core/1.0/API/`; `:id` is the id the replay has at that point. */
  path: string;
  line: number;
  body: string;
}

export const REFERENCE_EXAMPLES: readonly ReferenceExample[] = [
  {
    title: 'create a RANGE attribute',
    method: 'POST',
    path: 'determiningAttribute',
    line: 197,
    body: `{
"context": {
"user": "mj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
},
"entity": {
"name": "amount_1",
"dataType": "NUMBER",
"type": "RANGE",
"values": [
{
"minValue": 0.01,
"maxValue": 250
},
{
"minValue": 250.01,
"maxValue": 2500
},
{
"minValue": 2500.01,
"maxValue": 25000
}
]
}
}`,
  },
  {
    title: 'create a VALUE attribute, no data block source',
    method: 'POST',
    path: 'determiningAttribute',
    line: 232,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
},
"entity": {
"name": "currency_a",
"dataType": "STRING",
"type": "VALUE",
"values": [
"USD", "GBP", "EUR"
]
}
}`,
  },
  {
    title: 'create a VALUE attribute with a data block source',
    method: 'POST',
    path: 'determiningAttribute',
    line: 255,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
},
"entity": {
"name": "acct_type",
"dataType": "STRING",
"type": "VALUE",
"values": [
"Checking", "Savings", "Current"
],
"source": {
"name": "imp_accounts",
"version": "1.0",
"attribute": "account_type"
}
}
}`,
  },
  {
    title: 'update: set priorities',
    method: 'PATCH',
    path: 'determiningAttribute',
    line: 286,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
},
"entity": {
"id": "645e0000390613152b16ecbb",
"values": [
"0",
"1"
],
"valuesPriority": {
"0": "1",
"1": "2",
}
}
}`,
  },
  {
    title: 'update: group by',
    method: 'PATCH',
    path: 'determiningAttribute',
    line: 313,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
},
"entity": {
"id": "645e0000390613152b16ecbb",
"values": [
"0",
"1"
],
"criteria": {
"0": "customer_type",
"1": "customer_type",
}
}
}`,
  },
  {
    title: 'get all determining attributes',
    method: 'POST',
    path: 'determiningAttributes',
    line: 341,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
}
}`,
  },
  {
    title: 'get determining attribute details',
    method: 'POST',
    path: 'determiningAttribute/:id',
    line: 355,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
}
}`,
  },
  {
    title: 'delete a determining attribute',
    method: 'DELETE',
    path: 'determiningAttribute/:id',
    line: 370,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
}
}`,
  },
  {
    title: 'create a coverage set',
    method: 'POST',
    path: 'coverageSet',
    line: 442,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
},
"entity": {
"name": "api_demo_coverage",
"determiningAttributes": [
{"name": "acct_type", "version": "1.0"},
{"name": "has_app", "version": "1.0"},
{"name": "has_online", "version": "1.0"},
{"name": "balance", "version": "1.0"}
]
}
}`,
  },
  {
    title: 'update: add attributes',
    method: 'PATCH',
    path: 'coverageSet',
    line: 467,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
},
"entity": {
"id": "6744c4ee59c7b96171b5a827",
"determiningAttributes": [
{"name": "acct_type", "version": "1.0"},
{"name": "has_app", "version": "1.0"},
{"name": "has_online", "version": "1.0"},
{"name": "balance", "version": "1.0"},
{"name": "currency_a", "version": "1.0"},
{"name": "customer_type", "version": "1.0"}
]
}
}`,
  },
  {
    title: 'update: remove an attribute',
    method: 'PATCH',
    path: 'coverageSet',
    line: 492,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
},
"entity": {
"id": "6745f4c559c7b96171b5a82a",
"determiningAttributes": [
{"name": "acct_type", "version": "1.0"},
{"name": "has_app", "version": "1.0"},
{"name": "has_online", "version": "1.0"},
{"name": "currency_a", "version": "1.0"},
{"name": "customer_type", "version": "1.0"}
]
}
}`,
  },
  {
    title: 'get all coverage sets',
    method: 'POST',
    path: 'coverageSets',
    line: 517,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
}
}`,
  },
  {
    title: 'get coverage set details',
    method: 'POST',
    path: 'coverageSet/:id',
    line: 530,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
}
}`,
  },
  {
    title: 'lock a coverage set',
    method: 'PATCH',
    path: 'coverageSet/lock/:id',
    line: 544,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
}
}`,
  },
  {
    title: 'unlock a coverage set',
    method: 'PATCH',
    path: 'coverageSet/unlock/:id',
    line: 559,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
}
}`,
  },
  {
    title: 'delete a coverage set',
    method: 'DELETE',
    path: 'coverageSet/:id',
    line: 573,
    body: `{
"context": {
"user": "mbj_test",
"password": "1234",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
}
}
}`,
  },
  {
    title: 'create a simple business rule',
    method: 'POST',
    path: 'businessRule',
    line: 636,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
},
"coverage" : {
"name": "api_testing_coverage",
"version": "1.1"
}
},
"entity": {
"conditions": {
"account": {
"values": ["Current"]
}
}
}
}`,
  },
  {
    title: 'create a complex business rule',
    method: 'POST',
    path: 'businessRule',
    line: 662,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
},
"coverage" : {
"name": "api_demo_coverage",
"version": "1.2"
}
},
"entity": {
"conditions": {
"has_app": {"values": ["0"]},
"acct_type": {"values": ["Checking","Savings"]},
"has_online": {"values": ["1"]},
"currency_a": {"values": ["USD"]},
"customer_type": {"values": ["Retail"]}
}
}
}`,
  },
  {
    title: 'update a business rule',
    method: 'PATCH',
    path: 'businessRule',
    line: 689,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
},
"coverage" : {
"name": "api_demo_coverage",
"version": "1.2"
}
},
"entity": {
"id": "674dd0fb59c7b96171b5a8fa",
"conditions": {
"has_app": {"values": ["0"]},
"acct_type": {"values": ["Checking","Savings"]},
"has_online": {"values": ["1","0"]},
"currency_a": {"values": ["USD","GBP"]},
"customer_type": {"values": ["Retail"]}
}
}
}`,
  },
  {
    title: 'get business rule details',
    method: 'POST',
    path: 'businessRule/:id',
    line: 717,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
},
"coverage" : {
"name": "api_demo_coverage",
"version": "1.2"
}
}
}`,
  },
  {
    title: 'get all business rules',
    method: 'POST',
    path: 'businessRules',
    line: 734,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
},
"coverage" : {
"name": "api_demo_coverage",
"version": "1.2"
}
}
}`,
  },
  {
    title: 'delete a business rule',
    method: 'DELETE',
    path: 'businessRule/:id',
    line: 752,
    body: `{
"context": {
"user": "mbj_test",
"password": "xxxx",
"project": {
"name": "imp_payments_demo",
"version": "1.0"
},
"coverage" : {
"name": "api_demo_coverage",
"version": "1.2"
}
}
}`,
  },
];
