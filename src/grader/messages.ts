/** The banned-API message: the guard's own text for the API, never a thrown object's. */
export function bannedMessage(api: string): string {
  return `本练习禁止使用 ${api}：这道题要你用更基础的运算（如 tf.add、tf.mul、tf.exp、tf.matMul）亲手实现它。请删掉这处调用，改用基础运算。`;
}
