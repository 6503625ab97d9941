# x86-64 interrupt entry. One stub per vector pushes a zero where the CPU
# pushes no error code (so every frame has the same shape), then the vector
# number, and joins the common path: save the general registers, hand the
# frame to C# (ks_interrupt(frame) -> InterruptDispatch), restore, iretq.
# ks_interrupt may switch threads (the scheduler's preemption point) and
# return much later, on the same stack, to this thread's own frame.
# The frame, lowest address first, is arch/x64/ExceptionFrame.X64.cs.
	.intel_syntax noprefix
	.text

	# Vectors whose exception pushes an error code (Intel SDM vol. 3, 6.3.1).
	.macro STUB vector
	.align 16
isr_\vector:
	.if (\vector == 8) || (\vector >= 10 && \vector <= 14) || (\vector == 17) || (\vector == 21) || (\vector == 29) || (\vector == 30)
	.else
	push 0
	.endif
	push \vector
	jmp isr_common
	.endm

	.altmacro
	.set vector, 0
	.rept 256
	STUB %vector
	.set vector, vector + 1
	.endr

isr_common:
	push rax
	push rbx
	push rcx
	push rdx
	push rsi
	push rdi
	push rbp
	push r8
	push r9
	push r10
	push r11
	push r12
	push r13
	push r14
	push r15
	mov rdi, rsp
	# The CPU aligned rsp to 16 before pushing its frame; 5 + 2 + 15 pushes
	# later it is 16-aligned again, as the SysV call below requires.
	# The SSE/x87 state is saved too (fxsave needs 16-byte alignment): the
	# handler's C# may use xmm registers, and the scheduler may switch to
	# another thread from inside it (preemption), so the interrupted code's
	# copy must survive on its own stack.
	sub rsp, 512
	fxsave [rsp]
	cld
	call ks_interrupt
	fxrstor [rsp]
	add rsp, 512
	pop r15
	pop r14
	pop r13
	pop r12
	pop r11
	pop r10
	pop r9
	pop r8
	pop rbp
	pop rdi
	pop rsi
	pop rdx
	pop rcx
	pop rbx
	pop rax
	add rsp, 16                          # the vector and the error code
	iretq

	# nuint ks_interrupt_stub(int vector): the entry address of a vector's stub.
	.global ks_interrupt_stub
ks_interrupt_stub:
	lea rax, [rip + isr_0]
	shl rdi, 4
	add rax, rdi
	ret

	# void ks_load_idt(void* descriptor): descriptor = { u16 limit, u64 base }.
	.global ks_load_idt
ks_load_idt:
	lidt [rdi]
	ret

	# void ks_load_gdt(void* descriptor): descriptor = { u16 limit, u64 base }. The
	# new table keeps boot.s's selectors (0x08 code, 0x10 data), so the segment
	# registers stay valid without a reload.
	.global ks_load_gdt
ks_load_gdt:
	lgdt [rdi]
	ret

	# void ks_load_task_register(ushort selector): this CPU's TSS (its IST stacks).
	.global ks_load_task_register
ks_load_task_register:
	ltr di
	ret

	.global ks_read_cr2
ks_read_cr2:                             # the faulting address of the last page fault
	mov rax, cr2
	ret

	.global ks_read_cr3
ks_read_cr3:
	mov rax, cr3
	ret

	.section .note.GNU-stack, "", @progbits
